package com.trendcast.pipeline.spec;

import java.util.Arrays;
import java.util.Locale;

import com.trendcast.common.UserFacingException;

/** One broken rule of a {@link PipelineSpec}, as a translation key with its arguments. */
public record SpecProblem(String messageKey, Object... arguments) {

    public SpecProblem {
        arguments = arguments.clone();
    }

    @Override
    public Object[] arguments() {
        return arguments.clone();
    }

    public String message(Locale locale) {
        return UserFacingException.format(locale, messageKey, arguments);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SpecProblem that && messageKey.equals(that.messageKey)
                && Arrays.equals(arguments, that.arguments);
    }

    @Override
    public int hashCode() {
        return 31 * messageKey.hashCode() + Arrays.hashCode(arguments);
    }

    @Override
    public String toString() {
        return message(Locale.ROOT);
    }
}
