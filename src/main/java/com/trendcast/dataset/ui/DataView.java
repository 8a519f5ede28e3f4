package com.trendcast.dataset.ui;

import com.trendcast.common.UserFacingException;
import com.trendcast.dataset.DatasetImportService;
import com.trendcast.dataset.DatasetService;
import com.trendcast.dataset.DatasetSummary;
import com.trendcast.dataset.UploadedFile;
import com.trendcast.security.AccessScope;
import com.trendcast.security.CurrentUser;
import com.trendcast.ui.Formats;
import com.trendcast.ui.MainLayout;
import com.trendcast.ui.UploadTexts;
import com.trendcast.ui.ViewLoader;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.PermitAll;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * The datasets the user may see, and uploading a new file (upload, check the mapping, check the file, import).
 * {@code ?dataset=ID} selects one, e.g. from a link after it was saved elsewhere.
 */
@Route(value = "data", layout = MainLayout.class)
@PageTitle("Data")
@PermitAll
public class DataView extends VerticalLayout implements BeforeEnterObserver {

    /** Query parameter naming the dataset to select. */
    public static final String DATASET = "dataset";

    private static final Logger log = LoggerFactory.getLogger(DataView.class);

    private final DatasetService datasets;
    private final DatasetImportService imports;
    private final AccessScope scope;
    private final String username;
    private final Grid<DatasetSummary> grid = new Grid<>();
    private final Div importArea = new Div();
    private final ViewLoader loader;
    private final ProgressBar deleting = ViewLoader.indicator("data-deleting");

    public DataView(DatasetService datasets, DatasetImportService imports, ViewLoader loader, CurrentUser currentUser) {
        this.datasets = datasets;
        this.imports = imports;
        this.loader = loader;
        this.scope = currentUser.scope();
        this.username = currentUser.username();
        setPadding(true);
        add(new H2(getTranslation("data.title")));
        add(new H3(getTranslation("data.upload.title")), upload(), importArea);
        importArea.setWidthFull();
        add(new H3(getTranslation("data.list.title")), deleting, datasetGrid());
        refresh();
    }

    private Upload upload() {
        int maxMegabytes = (int) (imports.maxFileSizeBytes() / (1024 * 1024));
        Upload upload = new Upload(UploadHandler.toFile(
                (metadata, file) -> getUI().ifPresent(ui -> ui.access(() -> startImport(file.toPath(),
                        metadata.fileName()))),
                metadata -> imports.workDirectory().resolve(UUID.randomUUID() + ".upload").toFile()));
        upload.setId("data-upload");
        UploadTexts.apply(upload, this);
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, imports.maxFileSizeBytes()));
        upload.setDropLabel(new Paragraph(getTranslation("data.upload.hint", maxMegabytes)));
        upload.addFileRejectedListener(event -> error(getTranslation("data.upload.tooLarge", maxMegabytes)));
        upload.addFailedListener(event -> error(getTranslation("data.upload.failed")));
        upload.addSucceededListener(event -> upload.clearFileList());
        return upload;
    }

    /** Continues with a received file: warn about a re-upload, then let the user confirm how to read it. */
    void startImport(Path file, String originalName) {
        importArea.removeAll();
        UploadedFile uploaded;
        try {
            uploaded = imports.inspect(scope, file, originalName);
        } catch (UserFacingException e) {
            discard(file);
            error(e.localizedMessage(getLocale()));
            return;
        }
        if (uploaded.alreadyImported()) {
            importArea.add(duplicateNotice(uploaded));
        } else {
            showWizard(uploaded);
        }
    }

    private Div duplicateNotice(UploadedFile uploaded) {
        DatasetSummary earlier = uploaded.sameFile().get(0);
        Div notice = new Div();
        notice.setId("data-duplicate");
        Button open = new Button(getTranslation("data.duplicate.open"), event -> {
            importArea.removeAll();
            discard(uploaded.path());
            grid.select(earlier);
        });
        Button importAnyway = new Button(getTranslation("data.duplicate.importAnyway"), event -> showWizard(uploaded));
        importAnyway.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        notice.add(new Paragraph(getTranslation("data.duplicate", earlier.name(), created(earlier))),
                new HorizontalLayout(open, importAnyway));
        return notice;
    }

    private void showWizard(UploadedFile uploaded) {
        importArea.removeAll();
        ImportWizard wizard = new ImportWizard(imports, uploaded, username, result -> {
            importArea.removeAll();
            discard(uploaded.path());
            refresh();
        }, () -> {
            importArea.removeAll();
            discard(uploaded.path());
        });
        importArea.add(wizard);
    }

    private Grid<DatasetSummary> datasetGrid() {
        grid.setId("data-datasets");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(DatasetSummary::name).setHeader(getTranslation("data.column.name")).setFlexGrow(3);
        grid.addColumn(dataset -> getTranslation("data.kind." + dataset.kind()))
                .setHeader(getTranslation("data.column.kind"));
        grid.addColumn(dataset -> Formats.number(getLocale(), dataset.rowsImported()))
                .setHeader(getTranslation("data.column.rows"));
        grid.addColumn(dataset -> Formats.number(getLocale(), dataset.rowsRejected()))
                .setHeader(getTranslation("data.column.rejected"));
        grid.addColumn(dataset -> dataset.owner() == null ? "" : dataset.owner())
                .setHeader(getTranslation("data.column.owner"));
        grid.addColumn(this::created).setHeader(getTranslation("data.column.created"));
        grid.addComponentColumn(this::actions).setKey("actions").setAutoWidth(true);
        return grid;
    }

    private HorizontalLayout actions(DatasetSummary dataset) {
        HorizontalLayout actions = new HorizontalLayout();
        if (scope.admin() || username.equals(dataset.owner())) {
            Button rename = new Button(getTranslation("data.rename"), event -> rename(dataset));
            rename.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            Button delete = new Button(getTranslation("data.delete"), event -> confirmDelete(dataset));
            delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            actions.add(rename, delete);
        }
        return actions;
    }

    private void rename(DatasetSummary dataset) {
        Dialog dialog = new Dialog(getTranslation("data.rename.title"));
        TextField name = new TextField(getTranslation("data.column.name"), dataset.name(), "");
        name.setWidthFull();
        Button save = new Button(getTranslation("data.save"), event -> {
            try {
                datasets.rename(scope, dataset.id(), name.getValue());
                dialog.close();
                refresh();
            } catch (UserFacingException e) {
                name.setInvalid(true);
                name.setErrorMessage(e.localizedMessage(getLocale()));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(name);
        dialog.getFooter().add(new Button(getTranslation("data.cancel"), event -> dialog.close()), save);
        dialog.open();
    }

    private void confirmDelete(DatasetSummary dataset) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("data.delete"));
        confirm.setText(getTranslation("data.delete.confirm", dataset.name()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("data.cancel"));
        confirm.setConfirmText(getTranslation("data.delete"));
        confirm.setConfirmButtonTheme("error primary");
        // Deleting a large dataset takes from seconds (28.9 s for the 180,890 daily rows of the demo) to minutes;
        // it runs off the UI thread so the view and the session stay usable meanwhile.
        confirm.addConfirmListener(event -> loader.load(deleting, deleting, () -> {
            datasets.delete(scope, dataset.id());
            return dataset.name();
        }, name -> {
            Notification.show(getTranslation("data.deleted", name));
            refresh();
        }));
        confirm.open();
    }

    private String created(DatasetSummary dataset) {
        return Formats.date(getLocale(), dataset.createdAt().atZone(ZoneId.systemDefault()).toLocalDate());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> requested = event.getLocation().getQueryParameters().getParameters()
                .getOrDefault(DATASET, List.of());
        requested.stream().findFirst().ifPresent(id -> datasets.list(scope).stream()
                .filter(dataset -> Long.toString(dataset.id()).equals(id)).findFirst().ifPresent(grid::select));
    }

    private void refresh() {
        List<DatasetSummary> visible = datasets.list(scope);
        grid.setItems(visible);
    }

    private void error(String message) {
        Notification notification = Notification.show(message, 8000, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /** Uploaded files are only working copies; the imported rows live in the database. */
    static void discard(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the uploaded file {}", file, e);
        }
    }
}
