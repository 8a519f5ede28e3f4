package com.trendcast.forecast.cli;

import com.trendcast.cli.CliContext;
import com.trendcast.forecast.ForecastOutput;
import com.trendcast.forecast.ForecastRequest;
import com.trendcast.forecast.ForecastWorkflow;
import com.trendcast.forecast.ModelCatalog;
import com.trendcast.forecast.Panel;
import com.trendcast.forecast.PanelReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** Forecasts every series of a file; pure computation, no database. */
@Command(name = "forecast", mixinStandardHelpOptions = true,
        description = {"Forecast every series of a file and write date, forecast, lower and upper per period.",
                "Forecasts are never negative and are 0 on days a covariate such as Open marks as closed."})
public class ForecastCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    InputOptions input;

    @Option(names = "--model", defaultValue = ModelCatalog.AUTO,
            description = "auto, lstm, global-xgboost, global-linear, ets, seasonal-naive, naive, moving-average or linear"
                    + " (default auto).")
    String model;

    @Option(names = "--folds", defaultValue = "2",
            description = "Backtest folds behind model choice and intervals (default 2).")
    int folds;

    @Option(names = "--output", required = true, description = "CSV file to write.")
    Path output;

    ForecastCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ModelCatalog.requireKnown(model);
        ForecastRequest request = Requests.validated(input.request(folds));
        long started = System.nanoTime();
        Panel panel = PanelReader.read(request);
        List<String> backtested = List.of(model);
        if (model.equals(ModelCatalog.AUTO)) {
            ModelCatalog.AutoCandidates candidates = ModelCatalog.autoCandidates(panel.series(), request.horizon(),
                    request.folds(), request.seed());
            if (candidates.note() != null) {
                context.err().println(candidates.note());
            }
            backtested = candidates.names();
        }
        ForecastWorkflow.Outcome outcome = ForecastWorkflow.forecast(panel, request, model, backtested);
        ForecastOutput.writeForecasts(output, panel.seriesColumns(), outcome.forecasts());
        context.out().printf("Forecast %d series x %d periods with %s (backtest WAPE %.4f) in %.1f s -> %s%n",
                panel.series().size(), request.horizon(), outcome.model(),
                outcome.backtest().score(outcome.model()).overall().wape(), (System.nanoTime() - started) / 1e9,
                output);
        return 0;
    }
}
