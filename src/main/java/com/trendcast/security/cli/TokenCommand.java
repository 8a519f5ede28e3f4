package com.trendcast.security.cli;

import com.trendcast.cli.CliContext;
import com.trendcast.security.ApiTokenService;
import com.trendcast.security.CreatedApiToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "token", description = "Manage personal API tokens.", mixinStandardHelpOptions = true,
        subcommands = TokenCommand.Create.class)
public class TokenCommand {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Create an API token acting with the user's rights (role and categories) and print it.",
                    "The token is shown only this once; only its hash is stored."})
    static class Create implements Callable<Integer> {

        private final CliContext context;

        @Option(names = "--username", required = true, description = "The user the token acts for.")
        String username;

        @Option(names = "--label", description = "What the token is for, shown in the user's token list.")
        String label;

        Create(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            CreatedApiToken created = context.bean(ApiTokenService.class).create("cli", username,
                    label == null ? "command line" : label);
            // Only the token on standard output, so a script can capture it; the rest goes to standard error.
            context.out().println(created.secret());
            context.err().println("Created API token " + created.token().id() + " '" + created.token().label()
                    + "' for " + username + ". It is shown only this once.");
            return 0;
        }
    }
}
