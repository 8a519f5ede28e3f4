package com.trendcast.pipeline.ui;

import com.trendcast.common.UserFacingException;
import com.trendcast.dataset.DatasetService;
import com.trendcast.dataset.DatasetSummary;
import com.trendcast.dataset.read.mapping.DatasetKind;
import com.trendcast.forecast.engine.Frequency;
import com.trendcast.forecast.engine.GapFilling;
import com.trendcast.forecast.engine.TimeSeries;
import com.trendcast.pipeline.PipelineService;
import com.trendcast.pipeline.PipelineSummary;
import com.trendcast.pipeline.PipelineVersion;
import com.trendcast.pipeline.spec.Aggregation;
import com.trendcast.pipeline.spec.CalendarFeature;
import com.trendcast.pipeline.spec.CovariateChoice;
import com.trendcast.pipeline.spec.DataCovariate;
import com.trendcast.pipeline.spec.FeatureBuilder;
import com.trendcast.pipeline.spec.FeatureRow;
import com.trendcast.pipeline.spec.FeatureSelection;
import com.trendcast.pipeline.spec.FeatureSet;
import com.trendcast.pipeline.spec.HolidayRegion;
import com.trendcast.pipeline.spec.Level;
import com.trendcast.pipeline.spec.OutlierClipping;
import com.trendcast.pipeline.spec.PipelineSpec;
import com.trendcast.pipeline.spec.Scaling;
import com.trendcast.pipeline.spec.SeriesFilter;
import com.trendcast.pipeline.spec.Target;
import com.trendcast.pipeline.spec.Treatment;
import com.trendcast.pipeline.spec.TreatedSeries;
import com.trendcast.security.AccessScope;
import com.trendcast.security.CurrentUser;
import com.trendcast.ui.Formats;
import com.trendcast.ui.MainLayout;
import com.trendcast.ui.UploadTexts;
import com.trendcast.ui.chart.ApexChart;
import com.trendcast.ui.chart.AxisType;
import com.trendcast.ui.chart.ChartOptions;
import com.trendcast.ui.chart.DataPoint;
import com.trendcast.ui.chart.Series;
import com.trendcast.ui.chart.ValueFormat;
import com.trendcast.ui.chart.YAxis;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.PermitAll;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Feature pipelines: the stored ones, an editor for a spec, and a preview of the features it produces on the
 * stored sales before anything trains. Saving an edited pipeline adds a version; older versions stay stored.
 */
@Route(value = "pipelines", layout = MainLayout.class)
@PageTitle("Pipelines · Trendcast")
@PermitAll
public class PipelinesView extends VerticalLayout {

    /** The preview shows the start of the first series only: enough to check the columns, cheap to render. */
    static final int PREVIEW_ROWS = 50;
    private static final int MAX_IMPORT_BYTES = 64 * 1024;

    private final PipelineService pipelines;
    private final AccessScope scope;
    private final Map<Long, DatasetSummary> salesDatasets;

    private final Grid<PipelineSummary> grid = new Grid<>();
    private final TextField name = new TextField();
    private final Select<DatasetSummary> dataset = new Select<>();
    private final Select<Target> target = new Select<>();
    private final Select<Level> level = new Select<>();
    /** Category level 1, 2 and 3: each offers the categories under the one before it. */
    private final List<ComboBox<String>> categoryLevels = List.of(new ComboBox<>(), new ComboBox<>(),
            new ComboBox<>());
    private final Select<PipelineVersion> version = new Select<>();
    /** Set while the category boxes are refilled, so their own change events do not refill them again. */
    private boolean fillingCategories;
    private final TextField region = new TextField();
    private final TextField channel = new TextField();
    private final Select<Frequency> frequency = new Select<>();
    private final IntegerField horizon = new IntegerField();
    private final IntegerField historyWindow = new IntegerField();
    private final TextField lags = new TextField();
    private final TextField rollingMeans = new TextField();
    private final TextField rollingStds = new TextField();
    private final CheckboxGroup<CalendarFeature> calendar = new CheckboxGroup<>();
    private final CheckboxGroup<HolidayRegion> holidays = new CheckboxGroup<>();
    private final CheckboxGroup<DataCovariate> covariates = new CheckboxGroup<>();
    private final CheckboxGroup<DataCovariate> knownInAdvance = new CheckboxGroup<>();
    private final Select<Scaling> scaling = new Select<>();
    private final Select<GapFilling.Method> missing = new Select<>();
    private final Select<OutlierClipping.Method> outliers = new Select<>();
    private final NumberField outlierThreshold = new NumberField();
    private final Div errors = new Div();
    private final Anchor export = new Anchor();
    private final Button delete = new Button();
    private final VerticalLayout preview = new VerticalLayout();

    private PipelineSummary editing;

    public PipelinesView(PipelineService pipelines, DatasetService datasets, CurrentUser currentUser) {
        this.pipelines = pipelines;
        this.scope = currentUser.scope();
        this.salesDatasets = datasets.list(scope).stream().filter(d -> d.kind() == DatasetKind.SALES)
                .collect(Collectors.toMap(DatasetSummary::id, Function.identity(), (a, b) -> a,
                        LinkedHashMap::new));
        setSizeFull();
        add(new H2(getTranslation("pipeline.title")), pipelineGrid(), actions(), editor(), errors, preview);
        errors.setId("pipeline-errors");
        errors.getStyle().set("color", "var(--lumo-error-text-color)").set("white-space", "pre-line");
        preview.setId("pipeline-preview");
        preview.setPadding(false);
        refreshGrid();
        startNew();
    }

    private Grid<PipelineSummary> pipelineGrid() {
        grid.setId("pipeline-grid");
        grid.addColumn(PipelineSummary::name).setHeader(getTranslation("pipeline.column.name")).setFlexGrow(3);
        grid.addColumn(p -> datasetName(p.spec().datasetId())).setHeader(getTranslation("pipeline.column.dataset"))
                .setFlexGrow(2);
        grid.addColumn(p -> getTranslation("pipeline.level." + p.spec().level()))
                .setHeader(getTranslation("pipeline.column.level"));
        grid.addColumn(p -> getTranslation("pipeline.frequency." + p.spec().frequency()))
                .setHeader(getTranslation("pipeline.column.frequency"));
        grid.addColumn(p -> p.spec().horizon()).setHeader(getTranslation("pipeline.column.horizon"));
        grid.addColumn(PipelineSummary::currentVersion).setHeader(getTranslation("pipeline.column.version"));
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(event -> {
            if (event.getValue() != null) {
                edit(event.getValue());
            }
        });
        return grid;
    }

    private HorizontalLayout actions() {
        Button create = new Button(getTranslation("pipeline.action.new"), event -> startNew());
        create.setId("pipeline-new");
        Button save = new Button(getTranslation("pipeline.action.save"), event -> save());
        save.setId("pipeline-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button showPreview = new Button(getTranslation("pipeline.action.preview"), event -> showPreview());
        showPreview.setId("pipeline-preview-button");
        delete.setText(getTranslation("pipeline.action.delete"));
        delete.setId("pipeline-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.addClickListener(event -> deleteEditing());
        export.setText(getTranslation("pipeline.action.export"));
        export.setId("pipeline-export");
        HorizontalLayout actions = new HorizontalLayout(create, save, showPreview, export, delete, importUpload());
        actions.setAlignItems(Alignment.CENTER);
        return actions;
    }

    private Upload importUpload() {
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> getUI().ifPresent(ui -> ui.access(
                () -> importJson(metadata.fileName(), new String(bytes, StandardCharsets.UTF_8))))));
        upload.setId("pipeline-import");
        UploadTexts.apply(upload, this);
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_IMPORT_BYTES);
        upload.setAcceptedFileTypes(".json", "application/json");
        upload.setUploadButton(new Button(getTranslation("pipeline.action.import")));
        upload.setDropLabel(new Paragraph(getTranslation("pipeline.import.hint")));
        upload.addSucceededListener(event -> upload.clearFileList());
        return upload;
    }

    private FormLayout editor() {
        label(name, "pipeline.field.name");
        dataset.setLabel(getTranslation("pipeline.field.dataset"));
        dataset.setItems(salesDatasets.values());
        dataset.setItemLabelGenerator(DatasetSummary::name);
        dataset.addValueChangeListener(event -> selectCategoryPath(categoryPath()));
        enumSelect(target, "pipeline.field.target", "pipeline.target.", Target.values());
        enumSelect(level, "pipeline.field.level", "pipeline.level.", Level.values());
        for (int depth = 0; depth < categoryLevels.size(); depth++) {
            ComboBox<String> box = categoryLevels.get(depth);
            box.setId("pipeline-category-" + (depth + 1));
            box.setLabel(getTranslation("pipeline.field.category" + (depth + 1)));
            box.setPlaceholder(getTranslation(depth == 0 ? "pipeline.field.category.all"
                    : "pipeline.field.category.allBelow"));
            box.setClearButtonVisible(true);
            int level = depth;
            box.addValueChangeListener(event -> {
                if (!fillingCategories) {
                    List<String> path = categoryPath();
                    selectCategoryPath(path.subList(0, Math.min(level + 1, path.size())));
                }
            });
        }
        version.setId("pipeline-version");
        version.setLabel(getTranslation("pipeline.field.version"));
        version.setItemLabelGenerator(v -> getTranslation("pipeline.version.item", v.version(),
                Formats.dateTime(getLocale(), v.createdAt()), v.createdBy()));
        version.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                showVersion(event.getValue());
            }
        });
        label(region, "pipeline.field.region");
        label(channel, "pipeline.field.channel");
        enumSelect(frequency, "pipeline.field.frequency", "pipeline.frequency.", Frequency.values());
        horizon.setLabel(getTranslation("pipeline.field.horizon"));
        horizon.setMin(1);
        horizon.setStepButtonsVisible(true);
        historyWindow.setLabel(getTranslation("pipeline.field.historyWindow"));
        historyWindow.setMin(1);
        label(lags, "pipeline.field.lags");
        label(rollingMeans, "pipeline.field.rollingMeans");
        label(rollingStds, "pipeline.field.rollingStds");
        lags.setPlaceholder("1,7,14");
        checkboxes(calendar, "pipeline.field.calendar", "pipeline.calendar.", CalendarFeature.values());
        checkboxes(holidays, "pipeline.field.holidays", "pipeline.holidays.", HolidayRegion.values());
        checkboxes(covariates, "pipeline.field.covariates", "pipeline.covariate.", DataCovariate.values());
        checkboxes(knownInAdvance, "pipeline.field.knownInAdvance", "pipeline.covariate.", DataCovariate.values());
        enumSelect(scaling, "pipeline.field.scaling", "pipeline.scaling.", Scaling.values());
        enumSelect(missing, "pipeline.field.missing", "pipeline.missing.", GapFilling.Method.values());
        enumSelect(outliers, "pipeline.field.outliers", "pipeline.outliers.", OutlierClipping.Method.values());
        outlierThreshold.setLabel(getTranslation("pipeline.field.outlierThreshold"));
        outliers.addValueChangeListener(event -> outlierThreshold.setEnabled(event.getValue() != null
                && event.getValue() != OutlierClipping.Method.NONE));
        FormLayout form = new FormLayout(name, version, dataset, target, level, categoryLevels.get(0),
                categoryLevels.get(1), categoryLevels.get(2), region, channel, frequency, horizon, historyWindow, lags,
                rollingMeans, rollingStds, calendar, holidays, covariates, knownInAdvance, scaling, missing, outliers,
                outlierThreshold);
        form.setId("pipeline-editor");
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
        return form;
    }

    private void startNew() {
        editing = null;
        grid.asSingleSelect().clear();
        name.clear();
        dataset.setValue(salesDatasets.values().stream().findFirst().orElse(null));
        target.setValue(Target.UNITS);
        level.setValue(Level.CATEGORY1);
        selectCategoryPath(scope.admin() || scope.categories().size() != 1 ? List.of()
                : List.of(scope.categories().iterator().next()));
        region.clear();
        channel.clear();
        frequency.setValue(Frequency.WEEK);
        horizon.setValue(4);
        historyWindow.setValue(104);
        lags.setValue("1,2,52");
        rollingMeans.setValue("4");
        rollingStds.setValue("4");
        calendar.setValue(Set.of(CalendarFeature.WEEK_OF_YEAR, CalendarFeature.CYCLIC));
        holidays.setValue(Set.of());
        covariates.setValue(Set.of());
        knownInAdvance.setValue(Set.of(DataCovariate.AVG_PRICE, DataCovariate.PROMO_SHARE));
        scaling.setValue(Scaling.NONE);
        missing.setValue(GapFilling.Method.ZERO);
        outliers.setValue(OutlierClipping.Method.NONE);
        outlierThreshold.setValue(1.5);
        afterEditingChanged();
    }

    private void edit(PipelineSummary pipeline) {
        editing = pipeline;
        name.setValue(pipeline.name());
        fill(pipeline.spec());
        afterEditingChanged();
    }

    /** Loads an earlier version into the form; saving it makes it the newest version again. */
    private void showVersion(PipelineVersion shown) {
        fill(shown.spec());
        preview.removeAll();
        if (shown.version() != editing.currentVersion()) {
            Notification.show(getTranslation("pipeline.version.shown", shown.version()), 4000,
                    Notification.Position.BOTTOM_START);
        }
    }

    private void fill(PipelineSpec spec) {
        dataset.setValue(salesDatasets.get(spec.datasetId()));
        target.setValue(spec.target());
        level.setValue(spec.level());
        selectCategoryPath(spec.filter().categoryPath());
        region.setValue(spec.filter().region() == null ? "" : spec.filter().region());
        channel.setValue(spec.filter().channel() == null ? "" : spec.filter().channel());
        frequency.setValue(spec.frequency());
        horizon.setValue(spec.horizon());
        historyWindow.setValue(spec.historyWindow());
        lags.setValue(joined(spec.features().lags()));
        rollingMeans.setValue(joined(spec.features().rollingMeanWindows()));
        rollingStds.setValue(joined(spec.features().rollingStdWindows()));
        calendar.setValue(spec.features().calendar());
        holidays.setValue(spec.features().holidays());
        covariates.setValue(spec.features().covariates().stream().map(CovariateChoice::source)
                .collect(Collectors.toSet()));
        knownInAdvance.setValue(spec.features().covariates().stream().filter(CovariateChoice::knownInAdvance)
                .map(CovariateChoice::source).collect(Collectors.toSet()));
        scaling.setValue(spec.treatment().scaling());
        missing.setValue(spec.treatment().missing());
        outliers.setValue(spec.treatment().outliers().method());
        outlierThreshold.setValue(spec.treatment().outliers().threshold());
    }

    private void afterEditingChanged() {
        errors.setText("");
        preview.removeAll();
        delete.setEnabled(editing != null);
        export.setEnabled(editing != null);
        version.setVisible(editing != null);
        if (editing != null) {
            List<PipelineVersion> versions = new ArrayList<>(pipelines.versions(scope, editing.id()));
            Collections.reverse(versions);
            version.setItems(versions);
            version.setValue(versions.get(0));
            String json = pipelines.exportJson(scope, editing.id());
            String fileName = editing.name().replaceAll("[^\\p{L}\\p{N}._-]+", "_") + ".json";
            // The JSON is taken now, in the request that has the user's scope; the download runs outside it.
            export.setHref(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                    new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), fileName, "application/json",
                    json.getBytes(StandardCharsets.UTF_8).length)));
            export.setDownload(true);
        } else {
            export.removeHref();
        }
    }

    private void save() {
        PipelineSpec spec = specFromForm();
        if (spec == null) {
            return;
        }
        try {
            PipelineSummary saved = editing == null ? pipelines.create(scope, name.getValue(), spec)
                    : pipelines.saveNewVersion(scope, editing.id(), spec);
            refreshGrid();
            grid.asSingleSelect().setValue(saved);
            Notification.show(getTranslation("pipeline.saved", saved.name(), saved.currentVersion()), 3000,
                    Notification.Position.BOTTOM_START);
        } catch (UserFacingException e) {
            showError(e);
        }
    }

    private void deleteEditing() {
        if (editing == null) {
            return;
        }
        try {
            pipelines.delete(scope, editing.id());
            Notification.show(getTranslation("pipeline.deleted", editing.name()), 3000,
                    Notification.Position.BOTTOM_START);
            refreshGrid();
            startNew();
        } catch (UserFacingException e) {
            showError(e);
        }
    }

    void importJson(String fileName, String json) {
        String pipelineName = fileName == null ? "" : fileName.replaceFirst("(?i)\\.json$", "");
        try {
            PipelineSummary imported = pipelines.importJson(scope, pipelineName, json);
            refreshGrid();
            grid.asSingleSelect().setValue(imported);
            Notification.show(getTranslation("pipeline.imported", imported.name()), 3000,
                    Notification.Position.BOTTOM_START);
        } catch (UserFacingException e) {
            showError(e);
        }
    }

    private void showPreview() {
        PipelineSpec spec = specFromForm();
        if (spec == null) {
            return;
        }
        preview.removeAll();
        FeatureSet features;
        try {
            List<TimeSeries> series = pipelines.loadSeries(scope, spec);
            features = new FeatureBuilder(spec).build(series.subList(0, 1));
            errors.setText("");
        } catch (UserFacingException e) {
            showError(e);
            return;
        }
        TreatedSeries first = features.series().get(0);
        preview.add(new H3(getTranslation("pipeline.preview.title", seriesName(first.raw().key()))),
                previewChart(spec, first), previewGrid(features));
    }

    private ApexChart previewChart(PipelineSpec spec, TreatedSeries series) {
        Locale locale = getLocale();
        String before = getTranslation("pipeline.preview.before");
        String after = getTranslation("pipeline.preview.after");
        List<DataPoint> raw = new ArrayList<>();
        List<DataPoint> treated = new ArrayList<>();
        for (int i = 0; i < series.raw().length(); i++) {
            raw.add(DataPoint.on(series.raw().dateAt(i), series.raw().valueAt(i)));
            treated.add(DataPoint.on(series.treated().dateAt(i), series.treated().valueAt(i)));
        }
        String unit = getTranslation("pipeline.target." + spec.target());
        ApexChart chart = new ApexChart(ChartOptions.line(Series.points(before, raw), Series.points(after, treated))
                .title(getTranslation("pipeline.preview.chart"))
                .xAxisType(AxisType.DATETIME)
                .xAxisTitle(getTranslation("pipeline.preview.period." + spec.frequency()))
                .yAxes(YAxis.titled(getTranslation("pipeline.preview.axis.before", unit)).seriesName(before),
                        YAxis.titled(getTranslation("pipeline.preview.axis.after",
                                getTranslation("pipeline.scaling." + spec.treatment().scaling())))
                                .seriesName(after).opposite(true))
                .valueFormat(ValueFormat.compact())
                .locale(locale));
        chart.setId("pipeline-preview-chart");
        chart.setWidthFull();
        chart.setHeight("320px");
        return chart;
    }

    private Grid<FeatureRow> previewGrid(FeatureSet features) {
        Locale locale = getLocale();
        Grid<FeatureRow> rows = new Grid<>();
        rows.setId("pipeline-preview-grid");
        rows.addColumn(row -> Formats.date(locale, row.date())).setHeader(getTranslation("pipeline.preview.date"))
                .setAutoWidth(true).setFrozen(true);
        rows.addColumn(row -> cell(locale, row.target())).setHeader(getTranslation("pipeline.preview.target"))
                .setAutoWidth(true);
        for (int i = 0; i < features.columns().size(); i++) {
            int column = i;
            rows.addColumn(row -> cell(locale, row.value(column))).setHeader(features.columns().get(i))
                    .setAutoWidth(true);
        }
        List<FeatureRow> all = features.rows();
        rows.setItems(all.subList(0, Math.min(PREVIEW_ROWS, all.size())));
        rows.setHeight("400px");
        return rows;
    }

    /** The spec the form describes, or null after showing why it cannot be read. */
    private PipelineSpec specFromForm() {
        List<String> problems = new ArrayList<>();
        List<Integer> lagList = numbers(lags, problems);
        List<Integer> meanList = numbers(rollingMeans, problems);
        List<Integer> stdList = numbers(rollingStds, problems);
        if (!problems.isEmpty()) {
            errors.setText(String.join("\n", problems));
            return null;
        }
        List<CovariateChoice> chosen = new ArrayList<>();
        for (DataCovariate covariate : DataCovariate.values()) {
            if (covariates.getValue().contains(covariate)) {
                chosen.add(new CovariateChoice(covariate, knownInAdvance.getValue().contains(covariate)));
            }
        }
        PipelineSpec spec = new PipelineSpec(PipelineSpec.CURRENT_SCHEMA_VERSION,
                dataset.getValue() == null ? 0 : dataset.getValue().id(), target.getValue(), level.getValue(),
                new SeriesFilter(categoryPath(), region.getValue(), channel.getValue()),
                frequency.getValue(), Aggregation.SUM, valueOrZero(horizon), valueOrZero(historyWindow),
                new FeatureSelection(lagList, meanList, stdList, calendar.getValue(), holidays.getValue(), chosen),
                new Treatment(missing.getValue(), new OutlierClipping(outliers.getValue(),
                        outlierThreshold.getValue() == null ? 0 : outlierThreshold.getValue()), scaling.getValue()));
        List<String> specProblems = spec.problems().stream().map(p -> p.message(getLocale())).toList();
        if (!specProblems.isEmpty()) {
            errors.setText(String.join("\n", specProblems));
            return null;
        }
        errors.setText("");
        return spec;
    }

    private List<Integer> numbers(TextField field, List<String> problems) {
        Set<Integer> numbers = new LinkedHashSet<>();
        for (String part : field.getValue().split("[,;\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                numbers.add(Integer.parseInt(part.strip()));
            } catch (NumberFormatException e) {
                problems.add(getTranslation("pipeline.form.numberList", field.getLabel(), part));
            }
        }
        return List.copyOf(numbers);
    }

    private void refreshGrid() {
        grid.setItems(pipelines.list(scope));
    }

    /** The chosen category path, from level 1 down to the first level left open. */
    private List<String> categoryPath() {
        List<String> path = new ArrayList<>();
        for (ComboBox<String> box : categoryLevels) {
            if (box.getValue() == null) {
                break;
            }
            path.add(box.getValue());
        }
        return List.copyOf(path);
    }

    /**
     * Shows {@code path} in the category boxes, as far as the chosen dataset has it, and offers each level the
     * categories under the level above; a combo box refuses values outside its items.
     */
    private void selectCategoryPath(List<String> path) {
        fillingCategories = true;
        try {
            fillCategories(path);
        } finally {
            fillingCategories = false;
        }
    }

    private void fillCategories(List<String> path) {
        DatasetSummary selected = dataset.getValue();
        List<String> parent = new ArrayList<>();
        for (int depth = 0; depth < categoryLevels.size(); depth++) {
            ComboBox<String> box = categoryLevels.get(depth);
            boolean parentChosen = parent.size() == depth;
            List<String> options = selected == null || !parentChosen ? List.of()
                    : pipelines.categoryOptions(scope, selected.id(), parent);
            box.setItems(options);
            box.setEnabled(!options.isEmpty());
            String wanted = depth < path.size() ? path.get(depth) : null;
            box.setValue(wanted != null && options.contains(wanted) ? wanted : null);
            if (box.getValue() != null) {
                parent.add(box.getValue());
            }
        }
    }

    private void showError(UserFacingException e) {
        errors.setText(e.localizedMessage(getLocale()));
    }

    private String datasetName(long datasetId) {
        DatasetSummary summary = salesDatasets.get(datasetId);
        return summary == null ? getTranslation("pipeline.dataset.missing", datasetId) : summary.name();
    }

    private String seriesName(List<String> key) {
        String joined = key.stream().filter(part -> !part.isEmpty()).collect(Collectors.joining(" / "));
        return joined.isEmpty() ? getTranslation("pipeline.series.total") : joined;
    }

    private static String cell(Locale locale, double value) {
        return Double.isNaN(value) ? "" : Formats.number(locale, value);
    }

    private static String joined(List<Integer> numbers) {
        return numbers.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static int valueOrZero(IntegerField field) {
        return field.getValue() == null ? 0 : field.getValue();
    }

    private void label(TextField field, String key) {
        field.setLabel(getTranslation(key));
    }

    private <E extends Enum<E>> void enumSelect(Select<E> select, String labelKey, String itemPrefix, E[] values) {
        select.setLabel(getTranslation(labelKey));
        select.setItems(values);
        select.setItemLabelGenerator(value -> getTranslation(itemPrefix + value.name()));
    }

    private <E extends Enum<E>> void checkboxes(CheckboxGroup<E> group, String labelKey, String itemPrefix,
                                                E[] values) {
        group.setLabel(getTranslation(labelKey));
        group.setItems(values);
        group.setItemLabelGenerator(value -> getTranslation(itemPrefix + value.name()));
    }
}
