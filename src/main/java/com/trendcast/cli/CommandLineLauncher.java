package com.trendcast.cli;

import com.trendcast.common.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/** Runs one command of the Trendcast command line and returns its exit code. */
public final class CommandLineLauncher {

    /** Exit code when a command ran but failed (bad input, conflict); usage errors exit with 2. */
    public static final int FAILURE = 1;
    private static final Set<String> HELP_FLAGS = Set.of("--help", "-h", "--version", "-V", "help");
    private static final Logger log = LoggerFactory.getLogger(CommandLineLauncher.class);

    private CommandLineLauncher() {
    }

    /** A command line names a command first; Spring options such as {@code --server.port=9090} do not. */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && (!args[0].startsWith("-") || HELP_FLAGS.contains(args[0]));
    }

    public static int run(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        return run(args, out, err, in, Map.of());
    }

    /** Runs a command with the given streams and extra Spring properties (tests point these at their own database). */
    public static int run(String[] args, PrintWriter out, PrintWriter err, BufferedReader in,
                          Map<String, Object> springProperties) {
        try (CliContext context = new CliContext(out, err, in, springProperties)) {
            CommandLine commandLine = new CommandLine(new TrendcastCommand(), new ContextFactory(context));
            commandLine.setOut(out);
            commandLine.setErr(err);
            commandLine.setCaseInsensitiveEnumValuesAllowed(true);
            commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
                UserFacingException userFacing = findUserFacing(exception);
                if (userFacing != null) {
                    err.println("Error: " + userFacing.getMessage());
                } else {
                    log.error("Command failed", exception);
                    err.println("Error: " + exception.getMessage());
                }
                return FAILURE;
            });
            int exitCode = commandLine.execute(args);
            out.flush();
            err.flush();
            return exitCode;
        }
    }

    private static UserFacingException findUserFacing(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof UserFacingException userFacing) {
                return userFacing;
            }
        }
        return null;
    }

    /** Gives each command that asks for it the shared {@link CliContext} through its constructor. */
    private record ContextFactory(CliContext context) implements CommandLine.IFactory {

        @Override
        public <K> K create(Class<K> type) throws Exception {
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                Class<?>[] parameters = constructor.getParameterTypes();
                if (parameters.length == 1 && parameters[0] == CliContext.class) {
                    constructor.setAccessible(true);
                    return type.cast(constructor.newInstance(context));
                }
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
