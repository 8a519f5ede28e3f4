package com.trendcast.forecast.ui;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.trendcast.audit.AuditService;
import com.trendcast.dataset.DatasetService;
import com.trendcast.dataset.DatasetSummary;
import com.trendcast.dataset.read.mapping.DatasetKind;
import com.trendcast.forecast.AdhocForecastService;
import com.trendcast.security.Role;
import com.trendcast.security.UserService;
import com.trendcast.testsupport.KaribuSpringTest;
import com.trendcast.testsupport.TestUsers;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouterLink;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Saving the file of an ad-hoc forecast as a dataset, through the dataset import and under its rules. */
class AdhocSaveAsDatasetViewTest extends KaribuSpringTest {

    private static final int DAYS = 56;

    @Autowired
    private UserService users;
    @Autowired
    private AdhocForecastService adhoc;
    @Autowired
    private DatasetService datasets;
    @Autowired
    private AuditService audit;

    @Test
    void aForecastFileIsSavedAsADatasetOfTheManagerWithALinkToItAndANameIsNotReused() throws Exception {
        String category = "Home-" + UUID.randomUUID();
        String manager = TestUsers.create(users, Role.MANAGER, category);
        openAs(manager);
        forecast(upload(category, category));
        String name = "adhoc saved " + UUID.randomUUID();

        save(name);

        await(() -> !LocatorJ._find(Paragraph.class, spec -> spec.withId("adhoc-save-done")).isEmpty());
        // two SKUs of 56 days
        assertThat(text("adhoc-save-done")).contains(name).contains("112 rows");
        DatasetSummary saved = datasets.list(users.scopeOf(manager)).stream()
                .filter(dataset -> dataset.name().equals(name)).findFirst().orElseThrow();
        assertThat(saved.kind()).isEqualTo(DatasetKind.SALES);
        assertThat(saved.owner()).isEqualTo(manager);
        assertThat(saved.rowsImported()).isEqualTo(112);
        RouterLink link = LocatorJ._get(RouterLink.class, spec -> spec.withId("adhoc-save-link"));
        assertThat(link.getHref()).isEqualTo("data?dataset=" + saved.id());
        assertThat(audit.byUserAndAction(manager, "dataset.import")).singleElement()
                .satisfies(entry -> assertThat(entry.detail()).contains(name).contains("112 rows imported"));

        assertThat(LocatorJ._get(Button.class, spec -> spec.withId("adhoc-save-run")).isEnabled()).isFalse();

        runForecast();
        save(name.toUpperCase());

        await(() -> !LocatorJ._find(Paragraph.class, spec -> spec.withId("adhoc-save-refused")).isEmpty());
        assertThat(text("adhoc-save-refused")).contains("already exists");
        assertThat(datasets.list(users.scopeOf(manager))).filteredOn(dataset -> dataset.name()
                .equalsIgnoreCase(name)).hasSize(1);
    }

    @Test
    void aManagerCannotSaveRowsOfACategoryNotTheirsAndNothingIsStored() throws Exception {
        String category = "Home-" + UUID.randomUUID();
        String manager = TestUsers.create(users, Role.MANAGER, category);
        openAs(manager);
        forecast(upload(category, "Garden-" + UUID.randomUUID()));
        String name = "adhoc refused " + UUID.randomUUID();

        save(name);

        await(() -> !LocatorJ._find(Paragraph.class, spec -> spec.withId("adhoc-save-refused")).isEmpty());
        // the second SKU's 56 rows are of the other category
        assertThat(text("adhoc-save-refused")).contains("56 of 112 rows are invalid");
        LocatorJ._get(Anchor.class, spec -> spec.withId("adhoc-save-errors"));
        assertThat(datasets.list(users.scopeOf(manager))).extracting(DatasetSummary::name).doesNotContain(name);
        assertThat(audit.byUserAndAction(manager, "dataset.import.failed")).hasSize(1);
        assertThat(LocatorJ._get(Button.class, spec -> spec.withId("adhoc-save-run")).isEnabled()).isTrue();
    }

    /** Two SKUs with a weekly pattern over eight weeks, the first of {@code first}, the second of {@code second}. */
    private Path upload(String first, String second) throws Exception {
        StringBuilder csv = new StringBuilder("日期,商品编号,品类,销量,销售额\n");
        List<String> categories = List.of(first, second);
        for (int sku = 0; sku < 2; sku++) {
            for (int day = 0; day < DAYS; day++) {
                int units = 10 * (1 + day % 7);
                csv.append(LocalDate.of(2024, 1, 1).plusDays(day)).append(",SKU-").append(sku).append(',')
                        .append(categories.get(sku)).append(',').append(units).append(',').append(units * 3)
                        .append('\n');
            }
        }
        Path file = adhoc.newUploadFile();
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }

    @SuppressWarnings("unchecked")
    private static void forecast(Path file) {
        UI.getCurrent().navigate(AdhocForecastView.class);
        LocatorJ._get(AdhocForecastView.class).received(file, "weekly.csv");
        LocatorJ._get(IntegerField.class, spec -> spec.withId("adhoc-horizon")).setValue(7);
        LocatorJ._get(Select.class, spec -> spec.withId("adhoc-model")).setValue("seasonal-naive");
        runForecast();
    }

    private static void runForecast() {
        LocatorJ._get(Button.class, spec -> spec.withId("adhoc-run")).click();
        await(() -> !LocatorJ._find(Button.class, spec -> spec.withId("adhoc-save-run")).isEmpty()
                && LocatorJ._get(Button.class, spec -> spec.withId("adhoc-save-run")).isEnabled());
    }

    private static void save(String name) {
        LocatorJ._get(TextField.class, spec -> spec.withId("adhoc-save-name")).setValue(name);
        LocatorJ._get(Button.class, spec -> spec.withId("adhoc-save-run")).click();
    }

    private static String text(String id) {
        return LocatorJ._get(Paragraph.class, spec -> spec.withId(id)).getText();
    }

    /** Work runs on the task executor; its outcome arrives through {@code ui.access}. */
    private static void await(BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            MockVaadin.runUIQueue();
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
        throw new AssertionError("Nothing arrived within two minutes; the view shows: "
                + UI.getCurrent().getElement().getTextRecursively());
    }
}
