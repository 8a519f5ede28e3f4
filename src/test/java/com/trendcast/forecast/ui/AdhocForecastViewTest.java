package com.trendcast.forecast.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.trendcast.forecast.AdhocForecastService;
import com.trendcast.forecast.AdhocResult;
import com.trendcast.security.Role;
import com.trendcast.security.UserService;
import com.trendcast.testsupport.KaribuSpringTest;
import com.trendcast.testsupport.TestUsers;
import com.trendcast.ui.chart.ApexChart;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.provider.ListDataProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class AdhocForecastViewTest extends KaribuSpringTest {

    private static final double[] WEEK = {10, 20, 30, 40, 50, 60, 70};

    @Autowired
    private UserService users;
    @Autowired
    private AdhocForecastService adhoc;

    /** Two SKUs with the same perfectly weekly pattern over eight weeks from Monday 2024-01-01. */
    private Path upload() throws Exception {
        StringBuilder csv = new StringBuilder("日期,商品编号,销量\n");
        for (String sku : List.of("A-1", "B-2")) {
            for (int day = 0; day < 56; day++) {
                csv.append(LocalDate.of(2024, 1, 1).plusDays(day)).append(',').append(sku).append(',')
                        .append((int) WEEK[day % 7]).append('\n');
            }
        }
        Path file = adhoc.newUploadFile();
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }

    @SuppressWarnings("unchecked")
    @Test
    void uploadConfirmMappingAndSeeTheForecastTableChartAndBacktest() throws Exception {
        openAs(TestUsers.create(users, Role.MANAGER, "Kitchen"));
        UI.getCurrent().navigate(AdhocForecastView.class);
        assertThat(LocatorJ._find(SideNavItem.class)).extracting(SideNavItem::getPath).contains("adhoc");
        assertThat(LocatorJ._find(Grid.class, spec -> spec.withId("adhoc-forecast-grid"))).isEmpty();
        LocatorJ._get(Div.class, spec -> spec.withId("adhoc-empty"));

        Path file = upload();
        LocatorJ._get(AdhocForecastView.class).received(file, "周销量.csv");

        ComboBox<String> date = LocatorJ._get(ComboBox.class, spec -> spec.withId("adhoc-date"));
        ComboBox<String> target = LocatorJ._get(ComboBox.class, spec -> spec.withId("adhoc-target"));
        MultiSelectComboBox<String> series = LocatorJ._get(MultiSelectComboBox.class,
                spec -> spec.withId("adhoc-series"));
        assertThat(date.getValue()).isEqualTo("日期");
        assertThat(target.getValue()).isEqualTo("销量");
        assertThat(series.getSelectedItems()).containsExactly("商品编号");
        IntegerField horizon = LocatorJ._get(IntegerField.class, spec -> spec.withId("adhoc-horizon"));
        assertThat(horizon.getValue()).isEqualTo(28);
        horizon.setValue(7);
        Select<String> model = LocatorJ._get(Select.class, spec -> spec.withId("adhoc-model"));
        model.setValue("seasonal-naive");

        LocatorJ._get(Button.class, spec -> spec.withId("adhoc-run")).click();
        awaitResult();

        Grid<List<Object>> table = LocatorJ._get(Grid.class, spec -> spec.withId("adhoc-forecast-grid"));
        assertThat(GridKt._size(table)).isEqualTo(2 * 7);
        List<Object> first = GridKt._get(table, 0);
        assertThat(first.get(0)).isEqualTo("A-1");
        assertThat(first.get(1)).isEqualTo(LocalDate.of(2024, 2, 26));
        assertThat(((Number) first.get(2)).doubleValue()).isEqualTo(10.0);
        Grid<AdhocResult.ModelAccuracy> metrics = LocatorJ._get(Grid.class, spec -> spec.withId("adhoc-metrics"));
        assertThat(GridKt._get(metrics, 0).model()).isEqualTo("seasonal-naive");
        assertThat(GridKt._get(metrics, 0).chosen()).isTrue();
        ApexChart chart = LocatorJ._get(ApexChart.class, spec -> spec.withId("adhoc-chart"));
        String options = chart.getElement().getProperty("optionsJson");
        assertThat(options).contains("rangeArea").contains("A-1");
        ComboBox<AdhocResult.SeriesForecast> selector = LocatorJ._get(ComboBox.class,
                spec -> spec.withId("adhoc-series-selector"));
        selector.setValue(seriesAt(selector, 1));
        assertThat(chart.getElement().getProperty("optionsJson")).contains("B-2");
        LocatorJ._get(Anchor.class, spec -> spec.withId("adhoc-download-xlsx"));
        LocatorJ._get(Anchor.class, spec -> spec.withId("adhoc-download-csv"));

        UI.getCurrent().navigate("sales");
        assertThat(file).doesNotExist();
    }

    @Test
    void refusalsAreShownInTheUsersLanguageAndARefusedFileIsDeleted() throws Exception {
        openAs(TestUsers.create(users, Role.MANAGER, "Kitchen"));
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate(AdhocForecastView.class);
        assertThat(LocatorJ._find(H2.class)).extracting(H2::getText).contains("临时预测");

        Path empty = adhoc.newUploadFile();
        Files.writeString(empty, "");
        LocatorJ._get(AdhocForecastView.class).received(empty, "空.csv");
        NotificationsKt.expectNotifications("无法读取文件 空.csv：文件为空。");
        assertThat(empty).doesNotExist();
        assertThat(LocatorJ._find(ComboBox.class, spec -> spec.withId("adhoc-date"))).isEmpty();

        Path file = upload();
        LocatorJ._get(AdhocForecastView.class).received(file, "周销量.csv");
        LocatorJ._get(IntegerField.class, spec -> spec.withId("adhoc-horizon")).setValue(40);
        Button run = LocatorJ._get(Button.class, spec -> spec.withId("adhoc-run"));
        run.click();
        long deadline = System.currentTimeMillis() + 60_000;
        while (!run.isEnabled() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            MockVaadin.runUIQueue();
        }
        // eight weeks are 56 days; a 40-day horizon needs 80
        NotificationsKt.expectNotifications(
                "最长的序列只有 56 期，不足以预测 40 期：回测至少需要 80 期（预测期数的两倍）。请缩短预测期数或上传更长的历史数据。");
        LocatorJ._get(Div.class, spec -> spec.withId("adhoc-empty"));
    }

    @SuppressWarnings("unchecked")
    private static AdhocResult.SeriesForecast seriesAt(ComboBox<AdhocResult.SeriesForecast> selector, int index) {
        return ((ListDataProvider<AdhocResult.SeriesForecast>) selector.getDataProvider()).getItems().stream()
                .skip(index).findFirst().orElseThrow();
    }

    /** The forecast runs on the task executor; its result arrives through {@code ui.access}. */
    private static void awaitResult() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            MockVaadin.runUIQueue();
            if (!LocatorJ._find(Grid.class, spec -> spec.withId("adhoc-forecast-grid")).isEmpty()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No ad-hoc result within two minutes");
    }
}
