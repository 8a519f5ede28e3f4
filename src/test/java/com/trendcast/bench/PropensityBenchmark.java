package com.trendcast.bench;

import com.trendcast.behaviour.propensity.ClassificationMetrics;
import com.trendcast.behaviour.propensity.LabelledTable;
import com.trendcast.behaviour.propensity.PropensityWorkflow;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Purchase propensity on UCI Online Shoppers Purchasing Intention, stratified 70/30 holdout.
 * Run: {@code ./mvnw -o test -Dtest=PropensityBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dsurefire.excludes=none}
 * Anchors: XGBoost with feature selection ROC AUC 0.937, accuracy 0.906; always "no" scores accuracy 0.845.
 */
class PropensityBenchmark {

    @Test
    void onlineShoppersHoldout() {
        Path file = SharedData.file("online-shoppers-intention/online_shoppers_intention.csv");
        assumeTrue(Files.exists(file), "shared dataset not found at " + file);
        LabelledTable table = LabelledTable.read(file, "Revenue", true);
        for (String model : new String[]{"logistic", "xgboost", "neural", "auto"}) {
            long started = System.nanoTime();
            PropensityWorkflow.Evaluation evaluation = PropensityWorkflow.holdout(table, 0.3, model, 42);
            ClassificationMetrics m = evaluation.metrics();
            System.out.printf("%-9s %-9s ROC AUC %.4f  PR AUC %.4f  accuracy %.4f  precision %.4f  recall %.4f  F1 %.4f  (%.1f s)%n",
                    model, evaluation.model(), m.rocAuc(), m.prAuc(), m.accuracy(), m.precision(), m.recall(), m.f1(),
                    (System.nanoTime() - started) / 1e9);
        }
    }
}
