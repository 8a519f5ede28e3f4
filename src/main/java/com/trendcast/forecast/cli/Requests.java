package com.trendcast.forecast.cli;

import com.trendcast.common.UserFacingException;
import com.trendcast.forecast.ForecastRequest;

import java.nio.file.Files;

/** Checks of the flag values that need no file, so mistakes are reported before any reading. */
final class Requests {

    private Requests() {
    }

    static ForecastRequest validated(ForecastRequest request) {
        if (request.horizon() < 1) {
            throw new UserFacingException("forecast.horizon.invalid", request.horizon());
        }
        if (request.folds() < 1) {
            throw new UserFacingException("forecast.folds.invalid", request.folds());
        }
        if (!(request.intervalLevel() > 0 && request.intervalLevel() < 1)) {
            throw new UserFacingException("forecast.interval.invalid", request.intervalLevel());
        }
        if (!Files.isRegularFile(request.input())) {
            throw new UserFacingException("forecast.file.missing", request.input());
        }
        if (request.future() != null && !Files.isRegularFile(request.future())) {
            throw new UserFacingException("forecast.file.missing", request.future());
        }
        return request;
    }
}
