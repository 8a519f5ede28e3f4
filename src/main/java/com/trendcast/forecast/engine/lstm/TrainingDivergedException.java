package com.trendcast.forecast.engine.lstm;

/**
 * The training loss became NaN or infinite, so the weights are useless; usually the learning rate is too high
 * for the data, sometimes the units are too many for too few windows.
 */
public class TrainingDivergedException extends RuntimeException {

    private final int epoch;
    private final int step;

    public TrainingDivergedException(int epoch, int step, double loss) {
        super("Training loss became " + loss + " in epoch " + epoch + ", batch " + step);
        this.epoch = epoch;
        this.step = step;
    }

    public int epoch() {
        return epoch;
    }

    public int step() {
        return step;
    }
}
