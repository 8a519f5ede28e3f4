package com.trendcast.training;

import com.trendcast.common.UserFacingException;

import java.util.List;
import java.util.Locale;

/**
 * Why a run failed, as a translation key with its arguments (what to try is part of the message).
 */
public record RunFailure(String key, List<String> arguments) {

    public RunFailure {
        arguments = List.copyOf(arguments);
    }

    /** The reason in {@code locale}, e.g. for a view's {@code getLocale()}. */
    public String message(Locale locale) {
        return UserFacingException.format(locale, key, arguments.toArray());
    }
}
