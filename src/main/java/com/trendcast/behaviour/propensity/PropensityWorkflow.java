package com.trendcast.behaviour.propensity;

import com.trendcast.common.UserFacingException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Trains the purchase-propensity models on labelled sessions and scores other sessions; the one path
 * used by the command line, the UI and benchmarks.
 */
public final class PropensityWorkflow {

    public static final String AUTO = "auto";
    private static final double VALIDATION_SHARE = 0.2;
    private static final int MIN_ROWS_PER_CLASS = 10;

    private PropensityWorkflow() {
    }

    public record Evaluation(String model, ClassificationMetrics metrics) {
    }

    /** What {@link #trainAndScore} chose, how every candidate did on the validation rows, and the scores. */
    public record Result(String chosenModel, List<Evaluation> validation, double[] scores) {
    }

    public static List<PropensityModel> models() {
        return models(() -> false);
    }

    /** The candidate models; the network stops between epochs once {@code cancelled} says so. */
    public static List<PropensityModel> models(BooleanSupplier cancelled) {
        return List.of(new GradientBoostingModel(), new NeuralPropensityModel(cancelled), new LogisticRegressionModel());
    }

    /**
     * Fits every candidate on the labelled rows (a stratified fifth held back for early stopping and
     * choice), keeps {@code modelName} or, for {@code auto}, the best by validation ROC AUC, and scores
     * the rows of {@code toScore}.
     */
    public static Result trainAndScore(LabelledTable labelled, LabelledTable toScore, String modelName, long seed) {
        List<Fitted> fitted = fitAll(labelled, toScore, candidates(modelName), seed, model -> { }, () -> false);
        Fitted best = fitted.get(0);
        for (Fitted candidate : fitted) {
            if (candidate.validation().metrics().rocAuc() > best.validation().metrics().rocAuc()) {
                best = candidate;
            }
        }
        return new Result(best.validation().model(), fitted.stream().map(Fitted::validation).toList(), best.scores());
    }

    /** One model's probabilities for the rows of a held-out test set. */
    public record ModelScores(String model, double[] scores) {
    }

    /**
     * Every model trained on the same stratified {@code 1 - testShare} of the rows and scored on the rest.
     *
     * @param testRows   indices (into {@code labelled}) of the held-out rows, ascending
     * @param testLabels their actual labels, in the same order as each model's scores
     */
    public record Comparison(int[] testRows, boolean[] testLabels, List<ModelScores> models) {
    }

    /**
     * Trains every model on a stratified {@code 1 - testShare} of the rows and scores the held-out rest,
     * so metrics can be taken at any threshold without training again. {@code beforeModel} hears each
     * model's name as its training starts; once {@code cancelled} says so, training stops between models
     * (and between the network's epochs) with a {@link CancellationException}.
     */
    public static Comparison compareOnHoldout(LabelledTable labelled, double testShare, long seed,
                                              Consumer<String> beforeModel, BooleanSupplier cancelled) {
        checkClasses(labelled);
        int[][] split = stratifiedSplit(labelled.labels(), testShare, seed);
        LabelledTable test = labelled.subset(split[1]);
        List<Fitted> fitted = fitAll(labelled.subset(split[0]), test, models(cancelled), seed, beforeModel, cancelled);
        return new Comparison(split[1], test.labels(),
                fitted.stream().map(f -> new ModelScores(f.validation().model(), f.scores())).toList());
    }

    private record Fitted(Evaluation validation, double[] scores) {
    }

    private static List<Fitted> fitAll(LabelledTable labelled, LabelledTable toScore, List<PropensityModel> candidates,
                                       long seed, Consumer<String> beforeModel, BooleanSupplier cancelled) {
        checkClasses(labelled);
        int[][] split = stratifiedSplit(labelled.labels(), VALIDATION_SHARE, seed);
        LabelledTable fitRows = labelled.subset(split[0]);
        LabelledTable validationRows = labelled.subset(split[1]);
        FeatureEncoder encoder = FeatureEncoder.fit(fitRows);
        float[][] x = encoder.encode(fitRows);
        float[][] validationX = encoder.encode(validationRows);
        float[][] scoreX = encoder.encode(toScore);

        List<Fitted> fitted = new ArrayList<>();
        for (PropensityModel model : candidates) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("propensity training cancelled before " + model.name());
            }
            beforeModel.accept(model.name());
            PropensityModel.Trained trained = model.fit(x, fitRows.labels(), validationX, validationRows.labels(), seed);
            ClassificationMetrics metrics = ClassificationMetrics.of(validationRows.labels(), trained.predict(validationX), 0.5);
            fitted.add(new Fitted(new Evaluation(model.name(), metrics), trained.predict(scoreX)));
        }
        return fitted;
    }

    /**
     * Trains {@code modelName} (or the automatic choice) on a stratified {@code 1 - testShare} of the rows
     * and measures it on the rest; the evaluation names the model that was used.
     */
    public static Evaluation holdout(LabelledTable labelled, double testShare, String modelName, long seed) {
        checkClasses(labelled);
        int[][] split = stratifiedSplit(labelled.labels(), testShare, seed);
        LabelledTable test = labelled.subset(split[1]);
        Result result = trainAndScore(labelled.subset(split[0]), test, modelName, seed);
        return new Evaluation(result.chosenModel(), ClassificationMetrics.of(test.labels(), result.scores(), 0.5));
    }

    private static List<PropensityModel> candidates(String modelName) {
        if (modelName == null || AUTO.equalsIgnoreCase(modelName)) {
            return models();
        }
        return models().stream().filter(m -> m.name().equalsIgnoreCase(modelName)).findFirst()
                .map(List::of)
                .orElseThrow(() -> new UserFacingException("propensity.model.unknown", modelName,
                        AUTO + ", " + String.join(", ", models().stream().map(PropensityModel::name).toList())));
    }

    private static void checkClasses(LabelledTable labelled) {
        long positives = 0;
        for (boolean label : labelled.labels()) {
            if (label) {
                positives++;
            }
        }
        long negatives = labelled.size() - positives;
        if (positives < MIN_ROWS_PER_CLASS || negatives < MIN_ROWS_PER_CLASS) {
            throw new UserFacingException("propensity.label.tooFew", MIN_ROWS_PER_CLASS, positives, negatives);
        }
    }

    /** Row indices {training, held out}, each class split in the same proportion, shuffled by {@code seed}. */
    static int[][] stratifiedSplit(boolean[] labels, double heldOutShare, long seed) {
        List<Integer> positives = new ArrayList<>();
        List<Integer> negatives = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            (labels[i] ? positives : negatives).add(i);
        }
        Random random = new Random(seed);
        Collections.shuffle(positives, random);
        Collections.shuffle(negatives, random);
        int heldPositives = (int) Math.round(positives.size() * heldOutShare);
        int heldNegatives = (int) Math.round(negatives.size() * heldOutShare);
        List<Integer> heldOut = new ArrayList<>(positives.subList(0, heldPositives));
        heldOut.addAll(negatives.subList(0, heldNegatives));
        List<Integer> training = new ArrayList<>(positives.subList(heldPositives, positives.size()));
        training.addAll(negatives.subList(heldNegatives, negatives.size()));
        Collections.sort(heldOut);
        Collections.sort(training);
        return new int[][]{training.stream().mapToInt(Integer::intValue).toArray(),
                heldOut.stream().mapToInt(Integer::intValue).toArray()};
    }
}
