package com.trendcast.testsupport;

import com.trendcast.cli.CommandLineLauncher;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** Runs the command line in-process against a private file database, capturing what it prints. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun run(Path dataDir, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, Object> properties = Map.of(
                "spring.datasource.url", "jdbc:h2:file:" + dataDir.resolve("trendcast").toAbsolutePath(),
                "trendcast.data-dir", dataDir.toString(),
                "trendcast.uploads-dir", dataDir.resolve("uploads").toString());
        int exit = CommandLineLauncher.run(args, new PrintWriter(out, true), new PrintWriter(err, true),
                new BufferedReader(new StringReader(stdin)), properties);
        return new CliRun(exit, out.toString(), err.toString());
    }
}
