package com.trendcast.cli;

import com.trendcast.TrendcastApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.util.Map;

/**
 * What a command works with: its output streams, standard input, and the application's services,
 * whose Spring context (without the web server) starts only when a command first asks for one, so
 * {@code --help} and argument errors answer at once.
 */
public final class CliContext implements AutoCloseable {

    private final PrintWriter out;
    private final PrintWriter err;
    private final BufferedReader in;
    private final Map<String, Object> properties;
    private ConfigurableApplicationContext context;

    CliContext(PrintWriter out, PrintWriter err, BufferedReader in, Map<String, Object> properties) {
        this.out = out;
        this.err = err;
        this.in = in;
        this.properties = properties;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    public BufferedReader in() {
        return in;
    }

    public synchronized <T> T bean(Class<T> type) {
        if (context == null) {
            // Passed as arguments so they outrank every properties file, as an operator's --key=value would.
            String[] overrides = properties.entrySet().stream()
                    .map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
            context = new SpringApplicationBuilder(TrendcastApplication.class)
                    .profiles("cli")
                    .run(overrides);
        }
        return context.getBean(type);
    }

    @Override
    public synchronized void close() {
        if (context != null) {
            context.close();
            context = null;
        }
    }
}
