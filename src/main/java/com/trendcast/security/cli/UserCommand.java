package com.trendcast.security.cli;

import com.trendcast.cli.CliContext;
import com.trendcast.common.UserFacingException;
import com.trendcast.security.Role;
import com.trendcast.security.UserService;
import com.trendcast.security.UserSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "user", description = "Manage user accounts.", mixinStandardHelpOptions = true,
        subcommands = UserCommand.Add.class)
public class UserCommand {

    static final String PASSWORD_VARIABLE = "TRENDCAST_PASSWORD";

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Create a user. The password is read from the environment variable "
                    + PASSWORD_VARIABLE + " or, when it is unset, from the first line of standard input."})
    static class Add implements Callable<Integer> {

        private final CliContext context;

        @Option(names = "--username", required = true, description = "Login name (3-100 letters, digits, . _ - @).")
        String username;

        @Option(names = "--role", required = true, description = "ADMIN or MANAGER.")
        Role role;

        @Option(names = "--categories", description = "Categories a manager owns, separated by semicolons, e.g. \"Kitchen;Home\".")
        String categories;

        Add(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws IOException {
            String password = System.getenv(PASSWORD_VARIABLE);
            if (password == null) {
                password = context.in().readLine();
            }
            if (password == null || password.isEmpty()) {
                throw new UserFacingException("user.password.empty");
            }
            List<String> categoryList = categories == null ? List.of() : Arrays.asList(categories.split(";"));
            UserSummary created = context.bean(UserService.class).create("cli", username, password, role, categoryList);
            context.out().println("Created user " + created.username() + " (" + created.role() + ")"
                    + (created.categories().isEmpty() ? "" : " with categories " + String.join("; ", created.categories())));
            return 0;
        }
    }
}
