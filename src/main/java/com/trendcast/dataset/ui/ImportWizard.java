package com.trendcast.dataset.ui;

import com.trendcast.common.UserFacingException;
import com.trendcast.dataset.DatasetImportService;
import com.trendcast.dataset.ImportPreview;
import com.trendcast.dataset.ImportReport;
import com.trendcast.dataset.ImportRequest;
import com.trendcast.dataset.ImportResult;
import com.trendcast.dataset.ParsedRow;
import com.trendcast.dataset.ReturnsPolicy;
import com.trendcast.dataset.RowProblem;
import com.trendcast.dataset.UploadedFile;
import com.trendcast.dataset.read.mapping.ColumnMapping;
import com.trendcast.dataset.read.mapping.DatasetKind;
import com.trendcast.dataset.read.mapping.LogicalField;
import com.trendcast.dataset.read.value.DateFormatGuess;
import com.trendcast.dataset.read.value.DateOrder;
import com.trendcast.dataset.read.value.NumberFormatGuess;
import com.trendcast.ui.Formats;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.streams.DownloadHandler;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The steps after an upload: pick a sheet, confirm kind and mapping on a preview of parsed rows, check the whole
 * file, then import (the valid rows) or cancel. Nothing is stored before the user presses Import.
 */
class ImportWizard extends VerticalLayout {

    private static final String NOT_MAPPED = "";

    private final DatasetImportService imports;
    private final UploadedFile uploaded;
    private final String username;
    private final Consumer<ImportResult> onImported;
    private final Runnable onCancelled;
    private final Div mappingArea = new Div();
    private final Div previewArea = new Div();
    private final Div summaryArea = new Div();
    private final Select<DatasetKind> kind = new Select<>();
    private final TextField name = new TextField();
    private final RadioButtonGroup<ReturnsPolicy> returns = new RadioButtonGroup<>();
    private String sheet;
    private ImportPreview preview;
    private DatasetKind currentKind;
    private final Map<String, String> fields = new LinkedHashMap<>();
    private final Map<String, DateFormatGuess> dateFormats = new LinkedHashMap<>();
    private final Map<String, NumberFormatGuess> numberFormats = new LinkedHashMap<>();
    private List<String> features = new ArrayList<>();

    ImportWizard(DatasetImportService imports, UploadedFile uploaded, String username,
                 Consumer<ImportResult> onImported, Runnable onCancelled) {
        this.imports = imports;
        this.uploaded = uploaded;
        this.username = username;
        this.onImported = onImported;
        this.onCancelled = onCancelled;
        setId("data-import");
        setPadding(false);
        add(new H3(getTranslation("data.mapping.title") + ": " + uploaded.originalName()));
        if (uploaded.sheets().size() > 1) {
            Select<String> sheets = new Select<>();
            sheets.setId("import-sheet");
            sheets.setLabel(getTranslation("data.sheet"));
            sheets.setItems(uploaded.sheets());
            sheets.setValue(uploaded.sheets().get(0));
            sheets.addValueChangeListener(event -> load(event.getValue()));
            add(sheets);
        }
        configureChoices();
        add(mappingArea, previewArea, summaryArea);
        load(uploaded.sheets().isEmpty() ? null : uploaded.sheets().get(0));
    }

    /** Controls that keep their value when the mapping editor is rebuilt. */
    private void configureChoices() {
        kind.setId("import-kind");
        kind.setLabel(getTranslation("data.mapping.kind"));
        kind.setItems(DatasetKind.values());
        kind.setItemLabelGenerator(value -> getTranslation("data.kind." + value));
        kind.addValueChangeListener(event -> {
            if (event.getValue() != null && event.getValue() != currentKind) {
                currentKind = event.getValue();
                fields.clear();
                features = new ArrayList<>();
                summaryArea.removeAll();
                buildMappingEditor();
                refreshPreview();
            }
        });
        name.setId("import-name");
        name.setLabel(getTranslation("data.mapping.name"));
        name.setMaxLength(200);
        name.setValue(uploaded.originalName());
        returns.setId("import-returns");
        returns.setLabel(getTranslation("data.returns"));
        returns.setItems(ReturnsPolicy.values());
        returns.setItemLabelGenerator(policy -> getTranslation("data.returns." + policy));
    }

    private void load(String sheetName) {
        sheet = sheetName;
        summaryArea.removeAll();
        try {
            preview = imports.preview(uploaded.path(), sheet);
        } catch (UserFacingException e) {
            mappingArea.removeAll();
            previewArea.removeAll();
            error(e.localizedMessage(getLocale()));
            return;
        }
        ColumnMapping proposed = preview.proposal().mapping();
        currentKind = proposed.kind();
        fields.clear();
        fields.putAll(proposed.fields());
        dateFormats.clear();
        dateFormats.putAll(proposed.dateFormats());
        numberFormats.clear();
        numberFormats.putAll(proposed.numberFormats());
        features = new ArrayList<>(proposed.featureColumns());
        buildMappingEditor();
        refreshPreview();
    }

    private void buildMappingEditor() {
        mappingArea.removeAll();
        if (preview.fromTemplate()) {
            mappingArea.add(new Paragraph(getTranslation("data.mapping.template")));
        }
        kind.setValue(currentKind);
        FormLayout form = new FormLayout(kind, name);
        for (LogicalField field : LogicalField.values()) {
            if (field.kind() == currentKind) {
                form.add(fieldSelect(field));
                DateFormatGuess format = dateFormats.get(fields.get(field.key()));
                if (format != null && format.ambiguous()) {
                    form.add(dateOrderSelect(fields.get(field.key()), format));
                }
            }
        }
        if (currentKind == DatasetKind.SESSIONS) {
            MultiSelectComboBox<String> featureChoice = new MultiSelectComboBox<>(getTranslation("data.mapping.features"));
            featureChoice.setId("import-features");
            featureChoice.setItems(preview.header());
            featureChoice.setValue(new LinkedHashSet<>(features));
            featureChoice.addValueChangeListener(event -> features = preview.header().stream()
                    .filter(event.getValue()::contains).toList());
            form.add(featureChoice, 2);
        }
        mappingArea.add(form);
        if (currentKind == DatasetKind.SALES) {
            long found = preview.proposal().returns().negativeQuantityRows()
                    + preview.proposal().returns().cancelledOrderRows();
            returns.setHelperText(found > 0 ? getTranslation("data.returns.found", found) : null);
            mappingArea.add(returns);
        }
        Button check = new Button(getTranslation("data.check"), event -> check());
        check.setId("import-check");
        check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("data.cancel"), event -> cancel());
        cancel.setId("import-cancel");
        mappingArea.add(new HorizontalLayout(check, cancel));
    }

    private Select<String> fieldSelect(LogicalField field) {
        Select<String> select = new Select<>();
        select.setId("import-field-" + field.key());
        select.setLabel(getTranslation("import.field." + field.key()));
        List<String> options = new ArrayList<>();
        options.add(NOT_MAPPED);
        options.addAll(preview.header());
        select.setItems(options);
        select.setItemLabelGenerator(column -> column.isEmpty() ? getTranslation("data.mapping.none") : column);
        select.setValue(fields.getOrDefault(field.key(), NOT_MAPPED));
        select.addValueChangeListener(event -> {
            if (event.getValue() == null || event.getValue().isEmpty()) {
                fields.remove(field.key());
            } else {
                fields.put(field.key(), event.getValue());
            }
            summaryArea.removeAll();
            buildMappingEditor();
            refreshPreview();
        });
        return select;
    }

    /** Only asked when no value in the sample proved the order (every day and month were 12 or less). */
    private Select<DateOrder> dateOrderSelect(String column, DateFormatGuess format) {
        Select<DateOrder> order = new Select<>();
        order.setId("import-date-order");
        order.setLabel(getTranslation("data.mapping.dateOrder") + " (" + column + ")");
        order.setItems(DateOrder.DAY_MONTH_YEAR, DateOrder.MONTH_DAY_YEAR);
        order.setItemLabelGenerator(value -> getTranslation("data.mapping.dateOrder." + value));
        order.setValue(format.order() == DateOrder.DAY_MONTH_YEAR ? DateOrder.DAY_MONTH_YEAR : DateOrder.MONTH_DAY_YEAR);
        order.addValueChangeListener(event -> {
            dateFormats.put(column, new DateFormatGuess(event.getValue(), true, format.withTime()));
            summaryArea.removeAll();
            refreshPreview();
        });
        return order;
    }

    private ColumnMapping mapping() {
        Map<String, DateFormatGuess> dates = new LinkedHashMap<>();
        Map<String, NumberFormatGuess> numbers = new LinkedHashMap<>();
        fields.values().forEach(column -> {
            if (dateFormats.containsKey(column)) {
                dates.put(column, dateFormats.get(column));
            }
            if (numberFormats.containsKey(column)) {
                numbers.put(column, numberFormats.get(column));
            }
        });
        return new ColumnMapping(currentKind, fields, currentKind == DatasetKind.SESSIONS ? features : List.of(),
                dates, numbers);
    }

    private void refreshPreview() {
        previewArea.removeAll();
        List<ParsedRow> rows;
        try {
            rows = imports.parse(preview, mapping());
        } catch (UserFacingException e) {
            previewArea.add(new Paragraph(e.localizedMessage(getLocale())));
            return;
        }
        Grid<ParsedRow> grid = new Grid<>();
        grid.setId("import-preview");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(ParsedRow::rowNumber).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        for (LogicalField field : LogicalField.values()) {
            if (field.kind() == currentKind && fields.containsKey(field.key())) {
                grid.addColumn(row -> row.problem(field).map(problem -> "⚠ " + reason(problem))
                                .orElseGet(() -> row.value(field).map(this::display).orElse("")))
                        .setHeader(getTranslation("import.field." + field.key())).setAutoWidth(true);
            }
        }
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        previewArea.add(new H4(getTranslation("data.preview.title")), grid);
    }

    private String display(Object value) {
        if (value instanceof BigDecimal number) {
            return Formats.number(getLocale(), number.doubleValue());
        }
        if (value instanceof LocalDate date) {
            return Formats.date(getLocale(), date);
        }
        if (value instanceof LocalDateTime dateTime) {
            return Formats.date(getLocale(), dateTime.toLocalDate()) + " " + dateTime.toLocalTime();
        }
        if (value instanceof Boolean flag) {
            return flag ? "✔" : "✘";
        }
        return String.valueOf(value);
    }

    private String reason(RowProblem problem) {
        return getTranslation(problem.reasonKey(), problem.arguments());
    }

    private ImportRequest request() {
        return ImportRequest.of(uploaded.path(), uploaded.originalName(), mapping())
                .withSheet(sheet)
                .withDatasetName(name.getValue())
                .withReturns(returns.getValue())
                .withOwner(username)
                .withLocale(getLocale());
    }

    private void check() {
        summaryArea.removeAll();
        ImportReport report;
        try {
            report = imports.check(request());
        } catch (UserFacingException e) {
            error(e.localizedMessage(getLocale()));
            return;
        }
        summaryArea.setId("import-summary");
        summaryArea.add(new H4(getTranslation("data.summary.title")),
                new Paragraph(getTranslation("data.summary.counts", report.rowsRead(),
                        report.rowsRead() - report.rowsRejected(), report.rowsRejected(), report.returnRows())));
        if (!report.firstProblems().isEmpty()) {
            summaryArea.add(problemGrid(report.firstProblems()));
        }
        if (report.errorReport() != null) {
            Anchor download = new Anchor(DownloadHandler.forFile(report.errorReport().toFile(),
                    "import-errors.csv"), getTranslation("data.summary.download"));
            download.setId("import-error-report");
            summaryArea.add(download);
        }
        boolean blocking = report.refused() && !report.refusalKey().equals("import.refused.invalidRows");
        if (blocking) {
            Paragraph refusal = new Paragraph(getTranslation(report.refusalKey(), report.refusalArgs().toArray()));
            refusal.setId("import-refusal");
            summaryArea.add(refusal);
            return;
        }
        Button importButton = new Button(report.rowsRejected() > 0
                ? getTranslation("data.import.valid", report.rowsRead() - report.rowsRejected())
                : getTranslation("data.import"), event -> runImport(event.getSource()));
        importButton.setId("import-run");
        importButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        summaryArea.add(new HorizontalLayout(importButton, new Button(getTranslation("data.cancel"), e -> cancel())));
    }

    private Grid<RowProblem> problemGrid(List<RowProblem> problems) {
        Grid<RowProblem> grid = new Grid<>();
        grid.setId("import-problems");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(RowProblem::rowNumber).setHeader(getTranslation("import.report.row")).setAutoWidth(true);
        grid.addColumn(RowProblem::column).setHeader(getTranslation("import.report.column")).setAutoWidth(true);
        grid.addColumn(RowProblem::value).setHeader(getTranslation("import.report.value")).setAutoWidth(true);
        grid.addColumn(this::reason).setHeader(getTranslation("import.report.reason")).setFlexGrow(1);
        grid.setItems(problems);
        grid.setHeight("16em");
        return grid;
    }

    /** The user has seen the summary, so choosing Import means importing the valid rows. */
    private void runImport(Button importButton) {
        importButton.setEnabled(false);
        ProgressBar progress = new ProgressBar();
        progress.setIndeterminate(true);
        summaryArea.add(new Paragraph(getTranslation("data.import.running")), progress);
        UI ui = UI.getCurrent();
        ImportRequest request = request().withSkipInvalid(true);
        CompletableFuture.supplyAsync(() -> imports.importFile(request)).whenComplete((result, failure) ->
                ui.access(() -> {
                    progress.setVisible(false);
                    if (failure != null) {
                        importButton.setEnabled(true);
                        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                        error(cause instanceof UserFacingException userFacing
                                ? userFacing.localizedMessage(getLocale())
                                : getTranslation("data.upload.failed"));
                        return;
                    }
                    Notification.show(getTranslation("data.import.done", request.datasetName(),
                            result.report().rowsImported()));
                    onImported.accept(result);
                }));
    }

    private void cancel() {
        Notification.show(getTranslation("data.import.cancelled"));
        onCancelled.run();
    }

    private void error(String message) {
        Notification notification = Notification.show(message, 8000, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
