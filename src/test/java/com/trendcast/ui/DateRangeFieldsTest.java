package com.trendcast.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/** Only a complete range the user picked, not ending before it starts, reaches the view. */
class DateRangeFieldsTest {

    private static final LocalDate MARCH_1 = LocalDate.of(2024, 3, 1);
    private static final LocalDate MARCH_31 = LocalDate.of(2024, 3, 31);

    private final List<List<LocalDate>> chosen = new ArrayList<>();
    private DateRangeFields range;

    @BeforeEach
    void openUi() {
        MockVaadin.setup();
        range = new DateRangeFields("test", "From", MARCH_1, "To", MARCH_31,
                (from, to) -> chosen.add(List.of(from, to)));
    }

    @AfterEach
    void close() {
        MockVaadin.tearDown();
    }

    @Test
    void thePickersCarryTheirIdsLabelsAndStartingDatesInIsoForm() {
        assertThat(range.from().getId()).contains("test-from");
        assertThat(range.to().getId()).contains("test-to");
        assertThat(range.from().getLabel()).isEqualTo("From");
        assertThat(range.to().getLabel()).isEqualTo("To");
        assertThat(range.from().getValue()).isEqualTo(MARCH_1);
        assertThat(range.to().getValue()).isEqualTo(MARCH_31);
        assertThat(range.from().getI18n().getDateFormats()).containsExactly("yyyy-MM-dd");
        assertThat(range.to().getI18n().getDateFormats()).containsExactly("yyyy-MM-dd");
    }

    @Test
    void pickingEitherEndHandsOnTheWholeRange() {
        _setValue(range.from(), LocalDate.of(2024, 3, 10));
        _setValue(range.to(), LocalDate.of(2024, 3, 10));

        assertThat(chosen).containsExactly(List.of(LocalDate.of(2024, 3, 10), MARCH_31),
                List.of(LocalDate.of(2024, 3, 10), LocalDate.of(2024, 3, 10)));
    }

    @Test
    void aRangeEndingBeforeItStartsOrWithAClearedEndIsNotHandedOn() {
        _setValue(range.to(), LocalDate.of(2024, 2, 29));
        _setValue(range.from(), null);

        assertThat(chosen).isEmpty();
    }

    @Test
    void aValueSetByTheViewItselfIsNotHandedOn() {
        range.from().setValue(LocalDate.of(2024, 3, 5));

        assertThat(chosen).isEmpty();
    }
}
