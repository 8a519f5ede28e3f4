package com.trendcast;

import com.trendcast.cli.CommandLineLauncher;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.Theme;

/**
 * Starts the web application, or runs a command when the first argument names one
 * ({@code java -jar trendcast.jar user add ...}); commands never start the web server.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Push
@Theme("trendcast")
@PWA(name = "Trendcast", shortName = "Trendcast")
public class TrendcastApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        if (CommandLineLauncher.isCommand(args)) {
            System.exit(CommandLineLauncher.run(args));
        }
        SpringApplication.run(TrendcastApplication.class, args);
    }
}
