package com.trendcast.dataset.read.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ValueParsersTest {

    private static final DateFormatGuess MONTH_FIRST = new DateFormatGuess(DateOrder.MONTH_DAY_YEAR, false, false);
    private static final DateFormatGuess DAY_FIRST = new DateFormatGuess(DateOrder.DAY_MONTH_YEAR, false, false);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1,234.56|POINT|1234.56",
            "1.234,56|COMMA|1234.56",
            "1.234,56|POINT|1234.56",
            "1 234,56|COMMA|1234.56",
            "1\u00A0234,56|COMMA|1234.56",
            "¥1,299.00|POINT|1299.00",
            "￥１，２９９|POINT|1299",
            "£3.50|POINT|3.50",
            "$-2.00|POINT|-2.00",
            "-€5|COMMA|-5",
            "€-5|POINT|-5",
            "(12.50)|POINT|-12.50",
            "12.5%|POINT|0.125",
            "3,50|COMMA|3.50",
            "3.50|COMMA|3.50",
            "1,234|POINT|1234",
            "1.234|COMMA|1234",
            "1.234.567|POINT|1234567",
            "5-|POINT|-5",
            "USD 12.40|POINT|12.40",
            "1.5E3|POINT|1.5E3",
    })
    void readsNumbersAsPeopleWriteThem(String raw, DecimalMark mark, String expected) {
        assertThat(ValueParsers.parseNumber(raw, new NumberFormatGuess(mark, false)))
                .isEqualByComparingTo(new BigDecimal(expected));
    }

    @Test
    void treatsBlanksAndPlaceholdersAsAbsent() {
        for (String absent : new String[] {"", "  ", "-", "N/A", "n/a", "#N/A", null}) {
            assertThat(ValueParsers.parseNumber(absent, NumberFormatGuess.DECIMAL_POINT)).as(absent).isNull();
        }
    }

    @Test
    void refusesTextThatIsNotANumber() {
        assertThatThrownBy(() -> ValueParsers.parseNumber("twelve", NumberFormatGuess.DECIMAL_POINT))
                .isInstanceOf(ValueFormatException.class).hasMessage("'twelve' is not a number.");
        assertThat(ValueParsers.isNumber("2024-03-05", NumberFormatGuess.DECIMAL_POINT)).isFalse();
    }

    @Test
    void guessesDecimalMarkPerColumn() {
        assertThat(ValueParsers.guessNumberFormat(List.of("3,50", "12", "1.234,00")))
                .isEqualTo(NumberFormatGuess.DECIMAL_COMMA);
        assertThat(ValueParsers.guessNumberFormat(List.of("3,50", "7,25")))
                .isEqualTo(NumberFormatGuess.DECIMAL_COMMA);
        assertThat(ValueParsers.guessNumberFormat(List.of("2.55", "1,234.00", "-")))
                .isEqualTo(NumberFormatGuess.DECIMAL_POINT);
        assertThat(ValueParsers.guessNumberFormat(List.of("1,234", "5,678")))
                .isEqualTo(new NumberFormatGuess(DecimalMark.POINT, true));
        assertThat(ValueParsers.guessNumberFormat(List.of("1", "2")))
                .isEqualTo(NumberFormatGuess.DECIMAL_POINT);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2024-03-05|MONTH_DAY_YEAR|2024-03-05",
            "2024/3/5|DAY_MONTH_YEAR|2024-03-05",
            "05/03/2024|DAY_MONTH_YEAR|2024-03-05",
            "5.3.2024|DAY_MONTH_YEAR|2024-03-05",
            "03/05/2024|MONTH_DAY_YEAR|2024-03-05",
            "2024年3月5日|MONTH_DAY_YEAR|2024-03-05",
            "２０２４年３月５日|MONTH_DAY_YEAR|2024-03-05",
            "20240305|YEAR_MONTH_DAY|2024-03-05",
            "45356|EXCEL_SERIAL|2024-03-05",
            "59|EXCEL_SERIAL|1900-02-28",
            "61|EXCEL_SERIAL|1900-03-01",
            "13/05/2024|MONTH_DAY_YEAR|2024-05-13",
    })
    void readsDates(String raw, DateOrder order, String expected) {
        assertThat(ValueParsers.parseDateTime(raw, new DateFormatGuess(order, false, false)))
                .isEqualTo(LocalDate.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "12/1/2010 8:26|MONTH_DAY_YEAR|2010-12-01T08:26",
            "2024-03-05 14:22:01|MONTH_DAY_YEAR|2024-03-05T14:22:01",
            "2024-03-05T14:22:01|MONTH_DAY_YEAR|2024-03-05T14:22:01",
            "2024-03-05T14:22:01.250Z|MONTH_DAY_YEAR|2024-03-05T14:22:01.250",
            "2024年3月5日 14:22|MONTH_DAY_YEAR|2024-03-05T14:22",
            "3/5/2024 2:22 PM|MONTH_DAY_YEAR|2024-03-05T14:22",
            "45356.5|EXCEL_SERIAL|2024-03-05T12:00",
            "1433221332117|EPOCH_MILLIS|2015-06-02T05:02:12.117",
    })
    void readsTimestamps(String raw, DateOrder order, String expected) {
        assertThat(ValueParsers.parseDateTime(raw, new DateFormatGuess(order, false, true)))
                .isEqualTo(LocalDateTime.parse(expected));
    }

    @Test
    void parseDateDropsTheTimeOfDay() {
        assertThat(ValueParsers.parseDate("12/1/2010 8:26", MONTH_FIRST)).isEqualTo(LocalDate.of(2010, 12, 1));
    }

    @Test
    void refusesImpossibleDates() {
        assertThatThrownBy(() -> ValueParsers.parseDateTime("31/02/2024", DAY_FIRST))
                .isInstanceOf(ValueFormatException.class).hasMessage("'31/02/2024' is not a valid date.");
        assertThatThrownBy(() -> ValueParsers.parseDateTime("soon", DAY_FIRST))
                .hasMessage("'soon' is not a recognised date.");
    }

    @Test
    void guessesDayOrMonthFirstFromTheColumn() {
        assertThat(ValueParsers.guessDateFormat(List.of("05/03/2024", "25/03/2024")))
                .contains(new DateFormatGuess(DateOrder.DAY_MONTH_YEAR, false, false));
        assertThat(ValueParsers.guessDateFormat(List.of("12/1/2010 8:26", "12/13/2010 9:01")))
                .contains(new DateFormatGuess(DateOrder.MONTH_DAY_YEAR, false, true));
        assertThat(ValueParsers.guessDateFormat(List.of("03/05/2024", "04/06/2024")))
                .contains(new DateFormatGuess(DateOrder.MONTH_DAY_YEAR, true, false));
        assertThat(ValueParsers.guessDateFormat(List.of("2024-03-05", "2024-03-06")))
                .contains(new DateFormatGuess(DateOrder.YEAR_MONTH_DAY, false, false));
        assertThat(ValueParsers.guessDateFormat(List.of("45356", "45357")))
                .contains(new DateFormatGuess(DateOrder.EXCEL_SERIAL, false, false));
        assertThat(ValueParsers.guessDateFormat(List.of("apple", "pear"))).isEmpty();
        assertThat(ValueParsers.guessDateFormat(List.of("3", "12"))).isEmpty();
    }

    @Test
    void marksConflictingColumnsAmbiguous() {
        assertThat(ValueParsers.guessDateFormat(List.of("13/01/2024", "01/13/2024", "14/01/2024")))
                .contains(new DateFormatGuess(DateOrder.DAY_MONTH_YEAR, true, false));
    }

    @Test
    void readsFlags() {
        for (String yes : new String[] {"1", "true", "TRUE", "yes", "Y", "是"}) {
            assertThat(ValueParsers.parseFlag(yes)).as(yes).isTrue();
        }
        for (String no : new String[] {"0", "false", "No", "n", "否"}) {
            assertThat(ValueParsers.parseFlag(no)).as(no).isFalse();
        }
        assertThat(ValueParsers.parseFlag("")).isNull();
        assertThatThrownBy(() -> ValueParsers.parseFlag("maybe")).hasMessage("'maybe' is not a yes/no value.");
    }
}
