package com.trendcast.training;

import com.trendcast.common.UserFacingException;
import com.trendcast.forecast.engine.lstm.LstmGlobalModel;

/**
 * The LSTM hyper-parameters a user chooses for a run; {@link #defaults()} are the engine's defaults.
 *
 * @param layers        stacked LSTM layers, 1 to 3
 * @param units         units per layer
 * @param dropout       share of inputs dropped in training, 0 to 0.9
 * @param learningRate  Adam step size, above 0 and at most 1
 * @param batchSize     sequences per gradient step
 * @param maxEpochs     most passes over the training windows
 * @param historyWindow periods of history a sequence reads; 0 for the frequency's default
 * @param patience      epochs without validation improvement before early stopping
 * @param seed          random seed (initialisation and sampling)
 */
public record HyperParameters(int layers, int units, double dropout, double learningRate, int batchSize,
                              int maxEpochs, int historyWindow, int patience, long seed) {

    public static HyperParameters defaults() {
        LstmGlobalModel.Settings settings = LstmGlobalModel.Settings.defaults();
        return new HyperParameters(settings.layers(), settings.hiddenSize(), settings.dropout(),
                settings.learningRate(), settings.batchSize(), settings.maxEpochs(), settings.historyWindow(),
                settings.patience(), settings.seed());
    }

    /**
     * The engine settings of these values.
     *
     * @throws UserFacingException naming the rule a value breaks
     */
    public LstmGlobalModel.Settings toSettings() {
        try {
            return new LstmGlobalModel.Settings(layers, units, dropout, LstmGlobalModel.Settings.defaults().maxWindows(),
                    maxEpochs, patience, batchSize, learningRate, historyWindow, seed);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(e, "training.hyperParameters.invalid", e.getMessage());
        }
    }
}
