package com.trendcast.forecast;

import com.trendcast.forecast.engine.Frequency;
import com.trendcast.forecast.engine.TimeSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PanelReaderTest {

    @TempDir
    Path folder;

    @Test
    void sumsRowsOfOnePeriodFillsMissingPeriodsWithZeroAndInfersWeeks() throws IOException {
        Path file = Files.write(folder.resolve("weekly.csv"), List.of("Dept,Week,Sales,Holiday",
                "1,04/01/2024,10,0", "1,04/01/2024,5,0", "1,18/01/2024,7,a", "1,25/01/2024,8,b", "1,01/02/2024,9,0"));

        Panel panel = PanelReader.read(request(file, 1));

        TimeSeries series = panel.series().get(0);
        assertThat(series.frequency()).isEqualTo(Frequency.WEEK);
        assertThat(series.start()).isEqualTo(LocalDate.of(2024, 1, 4));
        assertThat(series.values()).containsExactly(15, 0, 7, 8, 9);
        assertThat(series.covariates().get("Holiday").values()).containsExactly(0, 0, 1, 1, 0);
        assertThat(series.covariates().get("Holiday=a").values()).containsExactly(0, 0, 1, 0, 0);
        assertThat(series.covariates().get("Holiday=b").values()).containsExactly(0, 0, 0, 1, 0);
    }

    @Test
    void aZeroOnlyWhenClosedFlagIsAnOpenIndicator() throws IOException {
        Path history = Files.write(folder.resolve("daily.csv"), List.of("Day,Sales,Open,Promo",
                "2024-01-01,0,0,0", "2024-01-02,5,1,0", "2024-01-03,6,1,1", "2024-01-04,4,1,0", "2024-01-05,0,1,0"));
        Path future = Files.write(folder.resolve("future.csv"), List.of("Day,Open,Promo", "2024-01-06,0,1"));

        Panel panel = PanelReader.read(new ForecastRequest(history, "Day", "Sales", List.of(), List.of("Open", "Promo"),
                future, null, 1, 0.8, 1, 1));

        assertThat(panel.openIndicators()).containsExactly("Open");
        assertThat(panel.future().get(0).get("Promo")).containsExactly(1);
    }

    /**
     * Walmart-shaped weekly rows on Fridays with TRUE/FALSE holiday text: department 2 has no rows in the last
     * two weeks (no sales then), department 3 starts late with a single negative (returns) week.
     */
    @Test
    void everySeriesRunsToTheLastWeekOfTheFileAndTrueFalseHolidaysAreFlags() throws IOException {
        Path file = Files.write(folder.resolve("walmart.csv"), List.of("Store,Dept,Date,Weekly_Sales,IsHoliday",
                "1,1,2010-02-05,100.5,FALSE", "1,1,2010-02-12,120,TRUE", "1,1,2010-02-19,90,FALSE",
                "1,1,2010-02-26,95,FALSE", "1,2,2010-02-05,7,FALSE", "1,2,2010-02-12,8,TRUE",
                "1,3,2010-02-19,-12.25,FALSE"));

        Panel panel = PanelReader.read(new ForecastRequest(file, "Date", "Weekly_Sales", List.of("Store", "Dept"),
                List.of("IsHoliday"), null, null, 1, 0.8, 1, 1));

        assertThat(panel.series()).extracting(TimeSeries::key)
                .containsExactly(List.of("1", "1"), List.of("1", "2"), List.of("1", "3"));
        TimeSeries full = panel.series().get(0);
        assertThat(full.frequency()).isEqualTo(Frequency.WEEK);
        assertThat(full.values()).containsExactly(100.5, 120, 90, 95);
        assertThat(full.covariates().get("IsHoliday").values()).containsExactly(0, 1, 0, 0);
        TimeSeries stopped = panel.series().get(1);
        assertThat(stopped.start()).isEqualTo(LocalDate.of(2010, 2, 5));
        assertThat(stopped.values()).containsExactly(7, 8, 0, 0);
        TimeSeries late = panel.series().get(2);
        assertThat(late.start()).isEqualTo(LocalDate.of(2010, 2, 19));
        assertThat(late.values()).containsExactly(-12.25, 0);
    }

    private static ForecastRequest request(Path file, int horizon) {
        return new ForecastRequest(file, "Week", "Sales", List.of("Dept"), List.of("Holiday"), null, null, horizon,
                0.8, 1, 1);
    }
}
