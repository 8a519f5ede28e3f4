package com.trendcast.forecast;

import com.trendcast.common.UserFacingException;
import com.trendcast.forecast.engine.TimeSeries;
import com.trendcast.forecast.engine.global.GlobalForecastModel;
import com.trendcast.forecast.engine.global.GlobalTabularModel;
import com.trendcast.forecast.engine.global.PerSeriesModel;
import com.trendcast.forecast.engine.lstm.LstmGlobalModel;
import com.trendcast.forecast.engine.model.HoltWintersModel;
import com.trendcast.forecast.engine.model.LinearCalendarModel;
import com.trendcast.forecast.engine.model.MovingAverageModel;
import com.trendcast.forecast.engine.model.NaiveModel;
import com.trendcast.forecast.engine.model.SeasonalNaiveModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The models users can name, by the names the command line and the UI use. */
public final class ModelCatalog {

    /** Chooses among the others by backtest, see {@link ForecastWorkflow}. */
    public static final String AUTO = "auto";
    public static final String LSTM = "lstm";
    public static final String GLOBAL_LINEAR = "global-linear";
    public static final String GLOBAL_XGBOOST = "global-xgboost";
    /** LSTM sequence steps {@code auto} may spend on backtesting it, see {@link #autoCandidates(List, int, int, long)}. */
    static final long LSTM_AUTO_BUDGET_STEPS = 10_000_000;
    static final int LSTM_AUTO_BUDGET_MINUTES = 7;
    /** Measured training speed of the default LSTM on one core (OMP_NUM_THREADS=1), for the note's estimate. */
    private static final double LSTM_STEPS_PER_SECOND = 25_000;
    /** The per-series baselines, cheapest first. */
    public static final List<String> BASELINES = List.of("naive", "seasonal-naive", "moving-average", "ets", "linear");

    private ModelCatalog() {
    }

    /** Every name a user may give, {@code auto} first. */
    public static List<String> names() {
        List<String> names = new ArrayList<>(List.of(AUTO, LSTM, GLOBAL_LINEAR, GLOBAL_XGBOOST));
        names.addAll(BASELINES);
        return names;
    }

    /** The candidates {@code auto} chooses from: every baseline and the global models. */
    public static List<String> autoCandidates() {
        List<String> names = new ArrayList<>(BASELINES);
        names.add(GLOBAL_LINEAR);
        names.add(GLOBAL_XGBOOST);
        names.add(LSTM);
        return names;
    }

    /**
     * The candidates {@code auto} backtests on these series, and a note for the user when some were left out.
     *
     * @param note {@code null} when every candidate of {@link #autoCandidates()} is kept
     */
    public record AutoCandidates(List<String> names, String note) {

        public AutoCandidates {
            names = List.copyOf(names);
        }
    }

    /**
     * The candidates {@code auto} backtests on {@code series}: all of {@link #autoCandidates()} unless the LSTM's
     * backtest (one training per fold) would pass {@value #LSTM_AUTO_BUDGET_STEPS} sequence steps
     * ({@link LstmGlobalModel#trainingSteps}), about {@value #LSTM_AUTO_BUDGET_MINUTES} minutes of one core. The
     * LSTM costs the same few minutes per training whatever the panel's size (its windows are sampled), and a
     * long horizon makes every window longer: on 500 daily series of five years with a 90-day horizon one training
     * took 286 s ({@code LstmScaleBenchmark}: 4,000 windows x 118 steps x up to 15 epochs, ~25,000 steps a
     * second if all ran, in line with the 1,240 samples/s of 28 steps in STACK.md), so the default {@code auto} would spend 9.5 minutes
     * on its 2-fold backtest and 14 when it wins; there it is left out with a note on standard error. It is kept
     * for horizons of a few weeks (Rossmann's 48 days with 2 folds: 9.1 million steps; 39 weeks of a weekly
     * panel: 6.6 million) and for panels with few windows to sample (short histories). {@code --model lstm} always trains it.
     */
    public static AutoCandidates autoCandidates(List<TimeSeries> series, int horizon, int folds, long seed) {
        List<String> names = new ArrayList<>(autoCandidates());
        LstmGlobalModel lstm = LstmGlobalModel.withSeed(seed);
        long steps = lstm.trainingSteps(series, horizon) * folds;
        if (steps <= LSTM_AUTO_BUDGET_STEPS) {
            return new AutoCandidates(names, null);
        }
        names.remove(LSTM);
        return new AutoCandidates(names, String.format(Locale.ROOT, "auto leaves out lstm: its %d-fold backtest"
                        + " would train %.1f million sequence steps (up to about %.0f minutes on one core), above the %d"
                        + " million of its budget; --model lstm trains it", folds, steps / 1e6,
                steps / LSTM_STEPS_PER_SECOND / 60, LSTM_AUTO_BUDGET_STEPS / 1_000_000));
    }

    /**
     * Checks a name a user gave.
     *
     * @throws UserFacingException for a name that is neither a model nor {@code auto}
     */
    public static void requireKnown(String name) {
        if (!names().contains(name)) {
            throw new UserFacingException("forecast.model.unknown", name, String.join(", ", names()));
        }
    }

    /**
     * The model of that name; {@code seed} fixes the stochastic ones.
     *
     * @throws UserFacingException for an unknown name or {@code auto}, which is a procedure rather than a model
     */
    public static GlobalForecastModel model(String name, long seed) {
        return switch (name) {
            case "naive" -> new PerSeriesModel(name, new NaiveModel());
            case "seasonal-naive" -> new PerSeriesModel(name, new SeasonalNaiveModel());
            case "moving-average" -> new PerSeriesModel(name, MovingAverageModel.auto());
            case "ets" -> new PerSeriesModel(name, HoltWintersModel.auto());
            case "linear" -> new PerSeriesModel(name, LinearCalendarModel.create());
            case LSTM -> LstmGlobalModel.withSeed(seed);
            case GLOBAL_LINEAR -> GlobalTabularModel.ridge(seed);
            case GLOBAL_XGBOOST -> GlobalTabularModel.boostedTrees(seed);
            default -> throw new UserFacingException("forecast.model.unknown", name, String.join(", ", names()));
        };
    }
}
