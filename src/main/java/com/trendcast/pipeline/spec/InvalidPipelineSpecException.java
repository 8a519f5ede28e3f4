package com.trendcast.pipeline.spec;

import com.trendcast.common.UserFacingException;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** A pipeline spec breaking one or more rules; the message names the first, {@link #problems()} all of them. */
public class InvalidPipelineSpecException extends UserFacingException {

    private final transient List<SpecProblem> problems;

    public InvalidPipelineSpecException(List<SpecProblem> problems) {
        super(problems.get(0).messageKey(), problems.get(0).arguments());
        this.problems = List.copyOf(problems);
    }

    public List<SpecProblem> problems() {
        return problems;
    }

    /** All problems, one per line, in {@code locale}. */
    @Override
    public String localizedMessage(Locale locale) {
        return problems.stream().map(problem -> problem.message(locale)).collect(Collectors.joining("\n"));
    }
}
