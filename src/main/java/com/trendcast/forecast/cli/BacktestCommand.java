package com.trendcast.forecast.cli;

import com.trendcast.cli.CliContext;
import com.trendcast.forecast.ForecastOutput;
import com.trendcast.forecast.ForecastRequest;
import com.trendcast.forecast.ForecastWorkflow;
import com.trendcast.forecast.ModelCatalog;
import com.trendcast.forecast.Panel;
import com.trendcast.forecast.PanelReader;
import com.trendcast.forecast.engine.eval.BacktestResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** Rolling-origin backtest of several models on a file; pure computation, no database. */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = "Backtest models with rolling origins and write their accuracy as JSON.")
public class BacktestCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    InputOptions input;

    @Option(names = "--folds", defaultValue = "3", description = "Rolling origins, each --horizon apart (default 3).")
    int folds;

    @Option(names = "--models", split = ",",
            description = "Models to compare (default: all baselines, lstm and auto).")
    List<String> models;

    @Option(names = "--output", required = true, description = "JSON file to write.")
    Path output;

    BacktestCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<String> names = models == null || models.isEmpty() ? ModelCatalog.names() : models;
        names.forEach(ModelCatalog::requireKnown);
        ForecastRequest request = Requests.validated(input.request(folds));
        long started = System.nanoTime();
        Panel panel = PanelReader.read(request);
        BacktestResult result = ForecastWorkflow.backtest(panel, request, names);
        String autoChoice = names.contains(ModelCatalog.AUTO) ? ForecastWorkflow.best(result) : null;
        ForecastOutput.writeBacktest(output, panel, request, result, autoChoice);
        List<String> lines = new ArrayList<>();
        result.scores().forEach(score -> lines.add(String.format("  %-40s WAPE %.4f", score.model(),
                score.overall().wape())));
        context.out().printf("Backtest of %d series, %d folds x %d periods in %.1f s -> %s%n%s%n",
                panel.series().size(), folds, request.horizon(), (System.nanoTime() - started) / 1e9, output,
                String.join(System.lineSeparator(), lines));
        return 0;
    }
}
