package com.trendcast.behaviour.propensity;

/** A purchase-propensity classifier: learns from encoded sessions, predicts a purchase probability. */
public interface PropensityModel {

    String name();

    /**
     * Fits on {@code x}/{@code y}, holding out {@code validation} rows for early stopping where the
     * model uses it. Class imbalance is handled inside (weighting or oversampling), with the
     * probabilities corrected back to the real base rate.
     */
    Trained fit(float[][] x, boolean[] y, float[][] validationX, boolean[] validationY, long seed);

    interface Trained {
        double[] predict(float[][] x);
    }

    /** How much more a buyer weighs than a non-buyer so both classes count equally. */
    static double balancingWeight(boolean[] y) {
        long positives = 0;
        for (boolean label : y) {
            if (label) {
                positives++;
            }
        }
        return positives == 0 || positives == y.length ? 1 : (double) (y.length - positives) / positives;
    }

    /** Undoes the odds inflation of training with positives weighted by {@code weight}. */
    static double correctForWeight(double probability, double weight) {
        double clipped = Math.min(Math.max(probability, 1e-12), 1 - 1e-12);
        double odds = clipped / (1 - clipped) / weight;
        return odds / (1 + odds);
    }
}
