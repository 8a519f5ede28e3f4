package com.trendcast.forecast;

import com.trendcast.common.UserFacingException;
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

/** The models users can name, by the names the command line and the UI use. */
public final class ModelCatalog {

    /** Chooses among the others by backtest, see {@link ForecastWorkflow}. */
    public static final String AUTO = "auto";
    public static final String LSTM = "lstm";
    public static final String GLOBAL_LINEAR = "global-linear";
    public static final String GLOBAL_XGBOOST = "global-xgboost";
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
