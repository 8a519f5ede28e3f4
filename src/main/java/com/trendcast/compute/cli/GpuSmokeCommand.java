package com.trendcast.compute.cli;

import com.trendcast.cli.CliContext;
import com.trendcast.compute.ComputeBackendInfo;
import com.trendcast.compute.ComputeBackendService;
import com.trendcast.forecast.engine.Frequency;
import com.trendcast.forecast.engine.TimeSeries;
import com.trendcast.forecast.engine.lstm.EpochReport;
import com.trendcast.forecast.engine.lstm.LstmGlobalModel;
import com.trendcast.forecast.engine.lstm.TrainingControl;
import com.trendcast.forecast.engine.lstm.TrainingListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * Trains a small LSTM on generated data on whatever ND4J backend this jar holds (CPU, or CUDA in a jar built
 * with {@code -Pcuda}) and prints what it ran on, how long it took and the final loss: one command that shows a
 * host can train. Needs no database.
 */
@Command(name = "gpu-smoke", mixinStandardHelpOptions = true,
        description = {"Train a small LSTM on generated data on this jar's ND4J backend (CPU or CUDA) and print",
                "the backend, the device, the seconds it took and the final training loss."})
public class GpuSmokeCommand implements Callable<Integer> {

    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);
    private static final int HORIZON = 14;

    private final CliContext context;

    @Option(names = "--series", defaultValue = "20", description = "Generated daily series (default 20).")
    int seriesCount;

    @Option(names = "--days", defaultValue = "365", description = "Days of history per series (default 365).")
    int days;

    @Option(names = "--units", defaultValue = "32", description = "LSTM units (default 32).")
    int units;

    @Option(names = "--epochs", defaultValue = "5", description = "Training epochs (default 5).")
    int epochs;

    @Option(names = "--seed", defaultValue = "7", description = "Random seed of data and network (default 7).")
    long seed;

    @Spec
    CommandSpec spec;

    GpuSmokeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (seriesCount < 1 || units < 1 || epochs < 1 || days < 3 * HORIZON) {
            throw new ParameterException(spec.commandLine(), "--series, --units and --epochs must be at least 1"
                    + " and --days at least " + 3 * HORIZON);
        }
        ComputeBackendInfo backend = new ComputeBackendService().describe();
        context.out().printf("backend: %s (BLAS %s)%n", backend.backend(), backend.blasVendor());
        context.out().printf("device: %s%n", backend.device());
        context.out().flush();

        List<TimeSeries> series = generated();
        // patience equal to the epochs: the smoke test always runs its full budget
        LstmGlobalModel model = new LstmGlobalModel(new LstmGlobalModel.Settings(1, units, 0, 4_000, epochs, epochs,
                128, 4e-3, 28, seed));
        List<EpochReport> reports = Collections.synchronizedList(new ArrayList<>());
        TrainingListener listener = new TrainingListener() {
            @Override
            public void epochFinished(EpochReport report) {
                reports.add(report);
            }
        };
        long started = System.nanoTime();
        model.fit(series, HORIZON, series.stream().map(s -> Map.<String, double[]>of()).toList(),
                new TrainingControl(listener, () -> false, null, false));
        double seconds = (System.nanoTime() - started) / 1e9;
        EpochReport last = reports.get(reports.size() - 1);
        context.out().printf("trained: 1 layer x %d units, %d epochs on %d series x %d days%n", units, last.epoch(),
                seriesCount, days);
        context.out().printf("seconds: %.2f%n", seconds);
        context.out().printf("final loss: %.6f%n", last.trainLoss());
        if (!Double.isFinite(last.trainLoss())) {
            context.err().println("The final loss is not a number: this backend does not train correctly.");
            return 1;
        }
        return 0;
    }

    /** Weekly and yearly seasonality around a per-series level, with noise. */
    private List<TimeSeries> generated() {
        Random random = new Random(seed);
        List<TimeSeries> series = new ArrayList<>();
        for (int s = 0; s < seriesCount; s++) {
            double level = 20 + random.nextDouble() * 80;
            double[] values = new double[days];
            for (int day = 0; day < days; day++) {
                double weekly = 1 + 0.3 * Math.sin(2 * Math.PI * day / 7);
                double yearly = 1 + 0.2 * Math.sin(2 * Math.PI * day / 365.25);
                values[day] = Math.max(0, Math.round(level * weekly * yearly + random.nextGaussian() * 3));
            }
            series.add(new TimeSeries(List.of("series-" + s), FIRST_DAY, Frequency.DAY, values));
        }
        return series;
    }
}
