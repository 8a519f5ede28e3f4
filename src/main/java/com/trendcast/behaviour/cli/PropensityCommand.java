package com.trendcast.behaviour.cli;

import com.trendcast.behaviour.propensity.ClassificationMetrics;
import com.trendcast.behaviour.propensity.LabelledTable;
import com.trendcast.behaviour.propensity.PropensityWorkflow;
import com.trendcast.cli.CliContext;
import com.trendcast.common.UserFacingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "propensity", mixinStandardHelpOptions = true,
        description = {"Train purchase-propensity models on labelled sessions and score other sessions.",
                "Writes row,probability for every row of the score file (row numbers from 1, data rows only);",
                "reports each model's validation metrics on standard error."})
public class PropensityCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--train", required = true, description = "Labelled sessions (CSV, TSV, CSV.gz, XLSX, XLS).")
    Path train;

    @Option(names = "--label", required = true, description = "The outcome column (true/false, 1/0, yes/no, 是/否).")
    String label;

    @Option(names = "--score", required = true, description = "Sessions to score; may lack the label column.")
    Path score;

    @Option(names = "--output", required = true, description = "Where to write row,probability (CSV).")
    Path output;

    @Option(names = "--model", defaultValue = PropensityWorkflow.AUTO,
            description = "auto (best validation ROC AUC), xgboost, neural or logistic. Default: ${DEFAULT-VALUE}.")
    String model;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed for splits and training. Default: ${DEFAULT-VALUE}.")
    long seed;

    PropensityCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        requireFile(train);
        requireFile(score);
        LabelledTable labelled = LabelledTable.read(train, label, true);
        LabelledTable toScore = LabelledTable.read(score, label, false);
        PropensityWorkflow.Result result = PropensityWorkflow.trainAndScore(labelled, toScore, model, seed);
        for (PropensityWorkflow.Evaluation evaluation : result.validation()) {
            ClassificationMetrics m = evaluation.metrics();
            context.err().printf(Locale.ROOT, "%s%s: validation ROC AUC %.4f, PR AUC %.4f, accuracy %.4f, F1 %.4f%n",
                    evaluation.model(), evaluation.model().equals(result.chosenModel()) ? " (chosen)" : "",
                    m.rocAuc(), m.prAuc(), m.accuracy(), m.f1());
        }
        Path parent = output.toAbsolutePath().getParent();
        Path temporary = Files.createTempFile(parent, ".propensity", ".csv");
        try (BufferedWriter writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            writer.write("row,probability\n");
            double[] scores = result.scores();
            for (int i = 0; i < scores.length; i++) {
                writer.write((i + 1) + "," + String.format(Locale.ROOT, "%.6f", scores[i]) + "\n");
            }
        }
        Files.move(temporary, output, StandardCopyOption.REPLACE_EXISTING);
        return 0;
    }

    private static void requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserFacingException("propensity.file.missing", file);
        }
    }
}
