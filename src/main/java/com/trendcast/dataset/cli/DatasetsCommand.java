package com.trendcast.dataset.cli;

import com.trendcast.cli.CliContext;
import com.trendcast.dataset.DatasetService;
import com.trendcast.dataset.DatasetSummary;
import com.trendcast.security.AccessScope;
import picocli.CommandLine.Command;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "datasets", description = "Inspect stored datasets.", mixinStandardHelpOptions = true,
        subcommands = DatasetsCommand.ListDatasets.class)
public class DatasetsCommand {

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Print one JSON line per dataset (all datasets: operator view).")
    static class ListDatasets implements Callable<Integer> {

        private final CliContext context;

        ListDatasets(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            for (DatasetSummary dataset : context.bean(DatasetService.class).list(AccessScope.operator())) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("id", dataset.id());
                line.put("name", dataset.name());
                line.put("kind", dataset.kind().name().toLowerCase());
                line.put("rows", dataset.rowsImported());
                line.put("created", dataset.createdAt().toString());
                context.out().println(ImportCommand.JSON.writeValueAsString(line));
            }
            return 0;
        }
    }
}
