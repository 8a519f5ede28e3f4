package com.trendcast.behaviour;

import com.trendcast.behaviour.propensity.ClassificationMetrics;
import com.trendcast.behaviour.propensity.PropensityWorkflow;
import com.trendcast.common.export.ExportTable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The propensity models trained on one session dataset and their probabilities for its held-out sessions.
 * Metrics at any threshold come from these stored probabilities, so moving the threshold never retrains.
 *
 * @param testSourceRows file row of each held-out session, in the order of every model's scores
 * @param testFeatures   the held-out sessions' feature values as read, in the same order
 */
public record PropensityRun(long datasetId, String datasetName, List<SessionSegments.Column> features,
                            int trainingSessions, long[] testSourceRows, List<String[]> testFeatures,
                            boolean[] testLabels, List<PropensityWorkflow.ModelScores> models, Duration trainingTime) {

    /** Share of the sessions held out for the evaluation (stratified by outcome). */
    public static final double TEST_SHARE = 0.3;

    public List<String> modelNames() {
        return models.stream().map(PropensityWorkflow.ModelScores::model).toList();
    }

    /** The model with the highest held-out ROC AUC. */
    public String bestModel() {
        String best = models.get(0).model();
        double bestAuc = Double.NEGATIVE_INFINITY;
        for (PropensityWorkflow.ModelScores model : models) {
            double auc = metrics(model.model(), 0.5).rocAuc();
            if (auc > bestAuc) {
                bestAuc = auc;
                best = model.model();
            }
        }
        return best;
    }

    /** Held-out metrics of {@code model} with sessions at or above {@code threshold} predicted to buy. */
    public ClassificationMetrics metrics(String model, double threshold) {
        return ClassificationMetrics.of(testLabels, scores(model), threshold);
    }

    /** Labels of the export's columns and of the two outcomes, in the reader's language. */
    public record ExportLabels(String sheet, String row, String probability, String predicted, String actual,
                               String purchase, String noPurchase) {
    }

    /**
     * The held-out sessions scored by {@code model}: file row, probability, the prediction at
     * {@code threshold}, the actual outcome, then the session's own columns.
     */
    public ExportTable scoredRows(String model, double threshold, ExportLabels labels) {
        double[] scores = scores(model);
        List<String> header = new ArrayList<>(List.of(labels.row(), labels.probability(), labels.predicted(),
                labels.actual()));
        features.forEach(feature -> header.add(feature.name()));
        List<List<Object>> rows = new ArrayList<>(scores.length);
        for (int i = 0; i < scores.length; i++) {
            List<Object> row = new ArrayList<>(header.size());
            row.add(testSourceRows[i]);
            row.add(scores[i]);
            row.add(scores[i] >= threshold ? labels.purchase() : labels.noPurchase());
            row.add(testLabels[i] ? labels.purchase() : labels.noPurchase());
            String[] values = testFeatures.get(i);
            for (int c = 0; c < features.size(); c++) {
                row.add(cell(values[c], features.get(c).numeric()));
            }
            rows.add(row);
        }
        return new ExportTable(labels.sheet(), header, rows);
    }

    private static Object cell(String value, boolean numeric) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return numeric ? Double.valueOf(value) : value;
    }

    private double[] scores(String model) {
        return models.stream().filter(m -> m.model().equals(model)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no model " + model + " in this run"))
                .scores();
    }
}
