package com.trendcast.dataset.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.trendcast.dataset.DatasetImportService;
import com.trendcast.dataset.DatasetService;
import com.trendcast.dataset.DatasetSummary;
import com.trendcast.dataset.ImportFiles;
import com.trendcast.dataset.ImportRequest;
import com.trendcast.dataset.read.mapping.DatasetKind;
import com.trendcast.security.AccessScope;
import com.trendcast.security.Role;
import com.trendcast.security.UserService;
import com.trendcast.testsupport.KaribuSpringTest;
import com.trendcast.testsupport.TestUsers;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DataViewTest extends KaribuSpringTest {

    @Autowired
    private UserService users;
    @Autowired
    private DatasetImportService imports;
    @Autowired
    private DatasetService datasets;
    @TempDir
    private Path dir;

    private long importFor(String category, String name) throws Exception {
        Path file = ImportFiles.salesWithInvalidRows(dir, name + ".csv", category, 3, 0);
        return imports.importFile(ImportRequest.of(file, name, imports.preview(file, null).proposal().mapping())
                .withDatasetName(name)).datasetId();
    }

    @Test
    void managerSeesOnlyDatasetsOfTheirCategoriesAndTheProposedKind() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String kitchen = "Kitchen" + suffix;
        String manager = TestUsers.create(users, Role.MANAGER, kitchen);
        long own = importFor(kitchen, "kitchen-" + suffix);
        long other = importFor("Garden" + suffix, "garden-" + suffix);

        openAs(manager);
        UI.getCurrent().navigate(DataView.class);

        @SuppressWarnings("unchecked")
        Grid<DatasetSummary> grid = LocatorJ._get(Grid.class, spec -> spec.withId("data-datasets"));
        assertThat(shownIds(grid)).contains(own).doesNotContain(other);

        Path upload = imports.workDirectory().resolve(UUID.randomUUID() + ".upload");
        Files.copy(ImportFiles.retailWithReturn(dir), upload);
        LocatorJ._get(DataView.class).startImport(upload, "retail.csv");

        @SuppressWarnings("unchecked")
        Select<DatasetKind> kind = LocatorJ._get(Select.class, spec -> spec.withId("import-kind"));
        assertThat(kind.getValue()).isEqualTo(DatasetKind.SALES);
        assertThat(LocatorJ._find(Grid.class, spec -> spec.withId("import-preview"))).hasSize(1);
    }

    @Test
    void aChineseSpeakingManagerIsToldInChineseWhyAFileCannotBeRead() throws Exception {
        String manager = TestUsers.create(users, Role.MANAGER, "Kitchen");
        openAs(manager);
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate(DataView.class);
        Path upload = imports.workDirectory().resolve(UUID.randomUUID() + ".upload");
        Files.write(upload, new byte[] {'x', 0, 1, 2, 3, 0, 0, 4, 5, 6, 7, 8, 0});

        LocatorJ._get(DataView.class).startImport(upload, "orders.csv");

        NotificationsKt.expectNotifications(
                "无法导入此文件：该文件看起来是二进制文件，而不是 CSV/TSV 文本文件。请上传 CSV、TSV 或 Excel 文件。");
    }

    @Test
    void anAdminDeletesADatasetAfterConfirmingAndTheListNoLongerShowsIt() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long doomed = importFor("Garden" + suffix, "doomed-" + suffix);
        String admin = TestUsers.create(users, Role.ADMIN);
        openAs(admin);
        UI.getCurrent().navigate(DataView.class);

        @SuppressWarnings("unchecked")
        Grid<DatasetSummary> grid = LocatorJ._get(Grid.class, spec -> spec.withId("data-datasets"));
        assertThat(shownIds(grid)).contains(doomed);
        Button delete = GridKt._getCellComponent(grid, shownIds(grid).indexOf(doomed), "actions").getChildren()
                .filter(Button.class::isInstance).map(Button.class::cast)
                .filter(button -> button.getText().equals(UI.getCurrent().getTranslation("data.delete")))
                .findFirst().orElseThrow();
        LocatorJ._click(delete);
        ConfirmDialog confirm = LocatorJ._get(ConfirmDialog.class);
        ComponentUtil.fireEvent(confirm, new ConfirmDialog.ConfirmEvent(confirm, true));

        assertThat(shownIds(grid)).doesNotContain(doomed);
        assertThat(datasets.list(AccessScope.operator())).extracting(DatasetSummary::id)
                .doesNotContain(doomed);
    }

    private static List<Long> shownIds(Grid<DatasetSummary> grid) {
        List<Long> shown = new ArrayList<>();
        for (int i = 0; i < GridKt._size(grid); i++) {
            shown.add(GridKt._get(grid, i).id());
        }
        return shown;
    }
}
