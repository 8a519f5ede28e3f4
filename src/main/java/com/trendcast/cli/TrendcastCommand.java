package com.trendcast.cli;

import com.trendcast.behaviour.cli.PropensityCommand;
import com.trendcast.compute.cli.GpuSmokeCommand;
import com.trendcast.dataset.cli.DatasetsCommand;
import com.trendcast.dataset.cli.ImportCommand;
import com.trendcast.forecast.cli.BacktestCommand;
import com.trendcast.forecast.cli.ForecastCommand;
import com.trendcast.security.cli.TokenCommand;
import com.trendcast.security.cli.UserCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "java -jar trendcast.jar",
        mixinStandardHelpOptions = true,
        versionProvider = TrendcastVersion.class,
        description = {"Trendcast command line. Without a command the web application starts.",
                "Commands use the same database and services as the web application."},
        subcommands = {UserCommand.class, TokenCommand.class, ImportCommand.class, DatasetsCommand.class,
                ForecastCommand.class, BacktestCommand.class, PropensityCommand.class, GpuSmokeCommand.class,
                picocli.CommandLine.HelpCommand.class})
public class TrendcastCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: choose one of " + spec.subcommands().keySet());
    }
}
