package com.trendcast.forecast;

import com.trendcast.dataset.read.value.NumberFormatGuess;
import com.trendcast.dataset.read.value.ValueFormatException;
import com.trendcast.dataset.read.value.ValueParsers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one covariate column into numeric model inputs, learned from the history and reused for the future
 * file. Numbers stay numbers; yes/no values become 1/0; anything else is categorical: a flag that is 1 whenever
 * the value differs from the most common one (so {@code StateHoliday} 0/a/b/c becomes "is a holiday"), plus one
 * 0/1 column per other level when there are several, up to {@value #MAX_ONE_HOT_LEVELS}.
 */
final class CovariateEncoding {

    private static final int MAX_ONE_HOT_LEVELS = 12;

    private enum Kind { NUMBER, FLAG, CATEGORY }

    private final String column;
    private final Kind kind;
    private final NumberFormatGuess numberFormat;
    private final String baseline;
    private final List<String> levels;

    private CovariateEncoding(String column, Kind kind, NumberFormatGuess numberFormat, String baseline,
                              List<String> levels) {
        this.column = column;
        this.kind = kind;
        this.numberFormat = numberFormat;
        this.baseline = baseline;
        this.levels = levels;
    }

    /** Decides the encoding from every value the history holds for the column. */
    static CovariateEncoding learn(String column, Collection<String> values) {
        List<String> present = values.stream().filter(value -> !ValueParsers.isAbsent(value)).map(String::strip)
                .toList();
        NumberFormatGuess guess = ValueParsers.guessNumberFormat(present.stream().limit(5_000).toList());
        if (present.stream().distinct().allMatch(value -> ValueParsers.isNumber(value, guess))) {
            return new CovariateEncoding(column, Kind.NUMBER, guess, null, List.of());
        }
        if (present.stream().distinct().allMatch(CovariateEncoding::isFlag)) {
            return new CovariateEncoding(column, Kind.FLAG, guess, null, List.of());
        }
        Map<String, Long> counts = new HashMap<>();
        present.forEach(value -> counts.merge(value, 1L, Long::sum));
        List<String> byFrequency = counts.keySet().stream()
                .sorted(Comparator.comparing((String level) -> -counts.get(level)).thenComparing(level -> level))
                .toList();
        List<String> others = byFrequency.subList(1, byFrequency.size());
        List<String> oneHot = others.size() > 1 && others.size() <= MAX_ONE_HOT_LEVELS ? others : List.of();
        return new CovariateEncoding(column, Kind.CATEGORY, guess, byFrequency.get(0), oneHot);
    }

    /** Names of the encoded inputs, in the order {@link #encode} writes them. */
    List<String> names() {
        List<String> names = new ArrayList<>();
        names.add(column);
        levels.forEach(level -> names.add(column + "=" + level));
        return names;
    }

    /**
     * Encodes one value; an absent value encodes as zeros.
     *
     * @throws ValueFormatException if a numeric or yes/no column holds something else
     */
    double[] encode(String raw) {
        double[] encoded = new double[1 + levels.size()];
        if (ValueParsers.isAbsent(raw)) {
            return encoded;
        }
        String value = raw.strip();
        switch (kind) {
            case NUMBER -> encoded[0] = ValueParsers.parseNumber(value, numberFormat).doubleValue();
            case FLAG -> encoded[0] = ValueParsers.parseFlag(value) ? 1 : 0;
            case CATEGORY -> {
                encoded[0] = value.equals(baseline) ? 0 : 1;
                int level = levels.indexOf(value);
                if (level >= 0) {
                    encoded[1 + level] = 1;
                }
            }
        }
        return encoded;
    }

    private static boolean isFlag(String value) {
        try {
            ValueParsers.parseFlag(value);
            return true;
        } catch (ValueFormatException e) {
            return false;
        }
    }
}
