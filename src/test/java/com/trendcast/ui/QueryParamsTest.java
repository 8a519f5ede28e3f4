package com.trendcast.ui;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A hand-edited or outdated link still opens the view: what cannot be read counts as not given. */
class QueryParamsTest {

    @Test
    void firstIsTheFirstValueAndNullWhenTheKeyIsMissingOrEmpty() {
        QueryParams query = new QueryParams(Map.of("region", List.of("North", "South"), "channel", List.of()));

        assertThat(query.first("region")).isEqualTo("North");
        assertThat(query.first("channel")).isNull();
        assertThat(query.first("grain")).isNull();
        assertThat(query.all("region")).containsExactly("North", "South");
        assertThat(query.all("cat")).isEmpty();
    }

    @Test
    void aDateIsReadInIsoFormOnly() {
        QueryParams query = new QueryParams(Map.of("from", List.of("2024-03-01"), "to", List.of("01/03/2024"),
                "day", List.of("2024-02-30")));

        assertThat(query.date("from")).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(query.date("to")).isNull();
        assertThat(query.date("day")).isNull();
        assertThat(query.date("missing")).isNull();
    }

    @Test
    void aRangeMayBeOpenAtEitherEnd() {
        QueryParams onlyFrom = new QueryParams(Map.of("from", List.of("2024-03-01")));
        QueryParams oneDay = new QueryParams(Map.of("from", List.of("2024-03-01"), "to", List.of("2024-03-01")));

        assertThat(onlyFrom.dateRange("from", "to"))
                .isEqualTo(new QueryParams.DateRange(LocalDate.of(2024, 3, 1), null));
        assertThat(oneDay.dateRange("from", "to"))
                .isEqualTo(new QueryParams.DateRange(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 1)));
    }

    @Test
    void aRangeEndingBeforeItStartsIsDroppedAsAWhole() {
        QueryParams reversed = new QueryParams(Map.of("from", List.of("2024-03-31"), "to", List.of("2024-03-01")));

        assertThat(reversed.dateRange("from", "to")).isEqualTo(new QueryParams.DateRange(null, null));
    }
}
