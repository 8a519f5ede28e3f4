package com.trendcast.forecast.ui;

import com.trendcast.common.UserFacingException;
import com.trendcast.common.export.ExportTable;
import com.trendcast.dataset.ImportRefusedException;
import com.trendcast.dataset.ImportResult;
import com.trendcast.dataset.ui.DataView;
import com.trendcast.forecast.AdhocForecastService;
import com.trendcast.forecast.AdhocMapping;
import com.trendcast.forecast.AdhocResult;
import com.trendcast.forecast.AdhocUpload;
import com.trendcast.forecast.ModelCatalog;
import com.trendcast.forecast.engine.Forecast;
import com.trendcast.forecast.engine.Frequency;
import com.trendcast.forecast.engine.TimeSeries;
import com.trendcast.security.AccessScope;
import com.trendcast.security.CurrentUser;
import com.trendcast.ui.ExportLinks;
import com.trendcast.ui.Formats;
import com.trendcast.ui.MainLayout;
import com.trendcast.ui.UploadTexts;
import com.trendcast.ui.chart.ApexChart;
import com.trendcast.ui.chart.ChartOptions;
import com.trendcast.ui.chart.DataPoint;
import com.trendcast.ui.chart.RangePoint;
import com.trendcast.ui.chart.Series;
import com.trendcast.ui.chart.ValueFormat;
import com.trendcast.ui.chart.YAxis;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.PermitAll;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;

import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * Ad-hoc forecast: drop a spreadsheet, confirm the proposed mapping, and get forecasts with intervals, the chosen
 * model's backtest against the baselines, and XLSX/CSV downloads. The forecast runs on the application's task
 * executor and its result is pushed to the page, so the UI thread never waits on it. Nothing is stored: the
 * uploaded copy is deleted when another file arrives or the user leaves the view.
 */
@Route(value = "adhoc", layout = MainLayout.class)
@PageTitle("Ad-hoc forecast · Trendcast")
@PermitAll
public class AdhocForecastView extends VerticalLayout {

    private static final Logger log = LoggerFactory.getLogger(AdhocForecastView.class);
    private static final List<Double> INTERVALS = List.of(0.5, 0.8, 0.9, 0.95);
    private static final String AUTO_FREQUENCY = "auto";
    /** Longest dataset name, as the import allows. */
    private static final int MAX_DATASET_NAME = 200;

    private final AdhocForecastService adhoc;
    private final TaskExecutor executor;
    private final AccessScope scope;
    private final Div mappingArea = new Div();
    private final Div resultArea = new Div();
    private AdhocUpload upload;

    public AdhocForecastView(AdhocForecastService adhoc,
                             @Qualifier("applicationTaskExecutor") TaskExecutor executor, CurrentUser currentUser) {
        this.adhoc = adhoc;
        this.executor = executor;
        this.scope = currentUser.scope();
        setPadding(true);
        mappingArea.setWidthFull();
        resultArea.setWidthFull();
        add(new H2(getTranslation("adhoc.title")), new Paragraph(getTranslation("adhoc.intro")), upload(),
                mappingArea, resultArea);
        showEmpty();
    }

    private Upload upload() {
        int maxMegabytes = (int) (adhoc.maxFileSizeBytes() / (1024 * 1024));
        Upload upload = new Upload(UploadHandler.toFile(
                (metadata, file) -> getUI().ifPresent(ui -> ui.access(() -> received(file.toPath(),
                        metadata.fileName()))),
                metadata -> adhoc.newUploadFile().toFile()));
        upload.setId("adhoc-upload");
        UploadTexts.apply(upload, this);
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, adhoc.maxFileSizeBytes()));
        upload.setDropLabel(new Paragraph(getTranslation("adhoc.upload.hint", maxMegabytes)));
        upload.addFileRejectedListener(event -> error(getTranslation("adhoc.upload.tooLarge", maxMegabytes)));
        upload.addFailedListener(event -> error(getTranslation("adhoc.upload.failed")));
        upload.addSucceededListener(event -> upload.clearFileList());
        return upload;
    }

    /** Continues with a received file: check it and show the proposed mapping. */
    void received(Path file, String originalName) {
        discardUpload();
        mappingArea.removeAll();
        showEmpty();
        try {
            upload = adhoc.receive(scope, file, originalName);
        } catch (UserFacingException e) {
            error(e.localizedMessage(getLocale()));
            return;
        }
        mappingArea.add(new MappingForm(upload));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        discardUpload();
        super.onDetach(detachEvent);
    }

    private void discardUpload() {
        if (upload != null) {
            upload.close();
            upload = null;
        }
    }

    private void showEmpty() {
        resultArea.removeAll();
        Div empty = new Div(new Paragraph(getTranslation("adhoc.empty")));
        empty.setId("adhoc-empty");
        empty.addClassNames(LumoUtility.Padding.MEDIUM, LumoUtility.Background.CONTRAST_5,
                LumoUtility.BorderRadius.MEDIUM);
        resultArea.add(empty);
    }

    /** The confirmable mapping of one upload, and the button that runs the forecast. */
    private final class MappingForm extends VerticalLayout {

        private final ComboBox<String> date = new ComboBox<>(getTranslation("adhoc.mapping.date"));
        private final ComboBox<String> target = new ComboBox<>(getTranslation("adhoc.mapping.target"));
        private final MultiSelectComboBox<String> series =
                new MultiSelectComboBox<>(getTranslation("adhoc.mapping.series"));
        private final MultiSelectComboBox<String> covariates =
                new MultiSelectComboBox<>(getTranslation("adhoc.mapping.covariates"));
        private final Select<String> frequency = new Select<>();
        private final IntegerField horizon = new IntegerField(getTranslation("adhoc.mapping.horizon"));
        private final Select<Double> interval = new Select<>();
        private final Select<String> model = new Select<>();
        private final Button run = new Button(getTranslation("adhoc.run"));

        MappingForm(AdhocUpload upload) {
            setPadding(false);
            AdhocMapping proposal = upload.proposal();
            List<String> header = upload.header();
            date.setId("adhoc-date");
            date.setItems(header);
            date.setValue(proposal.dateColumn());
            target.setId("adhoc-target");
            target.setItems(header);
            target.setValue(proposal.targetColumn());
            series.setId("adhoc-series");
            series.setItems(header);
            series.select(proposal.seriesColumns());
            series.setHelperText(getTranslation("adhoc.mapping.series.helper"));
            covariates.setId("adhoc-covariates");
            covariates.setItems(header);
            covariates.select(proposal.covariateColumns());
            covariates.setHelperText(getTranslation("adhoc.mapping.covariates.helper"));
            frequency.setId("adhoc-frequency");
            frequency.setLabel(getTranslation("adhoc.mapping.frequency"));
            List<String> frequencies = new ArrayList<>(List.of(AUTO_FREQUENCY));
            for (Frequency one : Frequency.values()) {
                frequencies.add(one.name());
            }
            frequency.setItems(frequencies);
            frequency.setItemLabelGenerator(value -> value.equals(AUTO_FREQUENCY)
                    ? getTranslation("adhoc.mapping.frequency.auto") : getTranslation("adhoc.frequency." + value));
            frequency.setValue(proposal.frequency() == null ? AUTO_FREQUENCY : proposal.frequency().name());
            horizon.setId("adhoc-horizon");
            horizon.setMin(1);
            horizon.setStepButtonsVisible(true);
            horizon.setValue(proposal.horizon());
            interval.setId("adhoc-interval");
            interval.setLabel(getTranslation("adhoc.mapping.interval"));
            interval.setItems(INTERVALS);
            interval.setItemLabelGenerator(level -> percent(level));
            interval.setValue(proposal.intervalLevel());
            model.setId("adhoc-model");
            model.setLabel(getTranslation("adhoc.mapping.model"));
            model.setItems(ModelCatalog.names());
            model.setItemLabelGenerator(name -> name.equals(ModelCatalog.AUTO)
                    ? getTranslation("adhoc.model.auto") : name);
            model.setValue(proposal.model());
            run.setId("adhoc-run");
            run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            run.addClickListener(event -> start());

            HorizontalLayout columns = wrapping(date, target, series, covariates);
            HorizontalLayout settings = wrapping(frequency, horizon, interval, model);
            add(new H3(getTranslation("adhoc.mapping.title", upload.originalName())), columns, settings, run);
        }

        private AdhocMapping mapping() {
            return new AdhocMapping(date.getValue(), target.getValue(), new ArrayList<>(series.getSelectedItems()),
                    new ArrayList<>(covariates.getSelectedItems()),
                    frequency.getValue() == null || frequency.getValue().equals(AUTO_FREQUENCY) ? null
                            : Frequency.valueOf(frequency.getValue()),
                    horizon.getValue() == null ? 0 : horizon.getValue(),
                    interval.getValue() == null ? AdhocMapping.DEFAULT_INTERVAL : interval.getValue(),
                    model.getValue());
        }

        /** Runs the forecast on the task executor; progress and the result come back through {@code ui.access}. */
        private void start() {
            AdhocUpload current = upload;
            if (current == null) {
                return;
            }
            AdhocMapping mapping = mapping();
            UI ui = UI.getCurrent();
            Locale locale = getLocale();
            run.setEnabled(false);
            resultArea.removeAll();
            ProgressBar progress = new ProgressBar();
            progress.setIndeterminate(true);
            progress.setId("adhoc-progress");
            Paragraph stage = new Paragraph(getTranslation("adhoc.running"));
            stage.setId("adhoc-stage");
            resultArea.add(stage, progress);
            BiConsumer<AdhocResult, String> finish = (result, message) -> ui.access(() -> {
                run.setEnabled(true);
                resultArea.removeAll();
                if (result != null) {
                    resultArea.add(new ResultPanel(result, current, mapping));
                } else {
                    showEmpty();
                    error(message);
                }
            });
            executor.execute(() -> {
                try {
                    AdhocResult result = adhoc.forecast(scope, current, mapping, step -> ui.access(() ->
                            stage.setText(getTranslation("adhoc.stage." + step.name()))));
                    finish.accept(result, null);
                } catch (UserFacingException e) {
                    finish.accept(null, e.localizedMessage(locale));
                } catch (RuntimeException e) {
                    log.error("Ad-hoc forecast of {} failed", current.originalName(), e);
                    finish.accept(null, getTranslation(locale, "adhoc.failed"));
                }
            });
        }
    }

    /** Chart of one series, the forecast table, the backtest, the downloads and saving the file as a dataset. */
    private final class ResultPanel extends VerticalLayout {

        private final AdhocResult result;
        private final ApexChart chart = new ApexChart();

        ResultPanel(AdhocResult result, AdhocUpload source, AdhocMapping mapping) {
            this.result = result;
            setId("adhoc-result");
            setPadding(false);
            Locale locale = getLocale();
            add(new H3(getTranslation("adhoc.result.title", result.fileName())));
            Paragraph summary = new Paragraph(getTranslation("adhoc.result.summary", result.series().size(),
                    result.series().get(0).forecast().horizon(), result.model(),
                    String.format(locale, "%.1f", result.elapsed().toMillis() / 1000.0)));
            summary.setId("adhoc-summary");
            add(summary);
            if (!result.skippedCandidates().isEmpty()) {
                add(new Paragraph(getTranslation("adhoc.result.skipped",
                        String.join(", ", result.skippedCandidates()))));
            }
            add(downloads());
            ComboBox<AdhocResult.SeriesForecast> selector = new ComboBox<>(getTranslation("adhoc.series"));
            selector.setId("adhoc-series-selector");
            selector.setItems(result.series());
            selector.setItemLabelGenerator(one -> one.label().isEmpty()
                    ? getTranslation("adhoc.series.single") : one.label());
            selector.setWidth("24em");
            selector.addValueChangeListener(event -> {
                if (event.getValue() != null) {
                    chart.setOptions(chartOptions(event.getValue()));
                }
            });
            chart.setId("adhoc-chart");
            chart.setWidthFull();
            chart.setHeight("360px");
            selector.setValue(result.series().get(0));
            add(selector, chart);
            add(new H3(getTranslation("adhoc.metrics.title")), metricsHelp(locale), metricsGrid(locale));
            add(new H3(getTranslation("adhoc.table.title")), forecastGrid(locale));
            add(new SaveAsDataset(source, mapping));
        }

        private HorizontalLayout downloads() {
            String baseName = AdhocForecastService.downloadBaseName(result);
            Anchor xlsx = ExportLinks.workbook("adhoc-download-xlsx", getTranslation("adhoc.download.xlsx"), baseName,
                    () -> adhoc.workbookSheets(result));
            Anchor csv = ExportLinks.link("adhoc-download-csv", getTranslation("adhoc.download.csv"), baseName,
                    ExportLinks.Format.CSV, () -> adhoc.forecastTable(result));
            return new HorizontalLayout(xlsx, csv);
        }

        private ChartOptions chartOptions(AdhocResult.SeriesForecast one) {
            Locale locale = getLocale();
            TimeSeries history = one.history();
            Forecast forecast = one.forecast();
            List<DataPoint> past = new ArrayList<>();
            for (int i = 0; i < history.length(); i++) {
                past.add(DataPoint.on(history.dateAt(i), history.valueAt(i)));
            }
            List<DataPoint> ahead = new ArrayList<>();
            List<RangePoint> band = new ArrayList<>();
            double[] point = forecast.point();
            double[] lower = forecast.lower();
            double[] upper = forecast.upper();
            for (int step = 0; step < forecast.horizon(); step++) {
                LocalDate day = forecast.dates().get(step);
                ahead.add(DataPoint.on(day, point[step]));
                band.add(RangePoint.on(day, lower[step], upper[step]));
            }
            String level = percent(result.intervalLevel());
            return ChartOptions.forecastBand(
                            Series.ranges(getTranslation("adhoc.chart.interval", level), band),
                            Series.points(getTranslation("adhoc.chart.history"), past),
                            Series.points(getTranslation("adhoc.chart.forecast"), ahead))
                    .title(getTranslation("adhoc.chart.title", level))
                    .subtitle(one.label().isEmpty() ? getTranslation("adhoc.series.single") : one.label())
                    .xAxisTitle(getTranslation("adhoc.chart.axis.date",
                            getTranslation("adhoc.frequency." + result.frequency().name())))
                    .yAxes(YAxis.titled(getTranslation("adhoc.chart.axis.value", result.targetColumn())))
                    .valueFormat(ValueFormat.number())
                    .zoom(true)
                    .legend(true)
                    .locale(locale);
        }

        private Paragraph metricsHelp(Locale locale) {
            Paragraph help = new Paragraph(getTranslation("adhoc.metrics.help", result.folds(),
                    result.series().get(0).forecast().horizon(),
                    Double.isNaN(result.intervalCoverage()) ? "-" : percent(result.intervalCoverage()),
                    percent(result.intervalLevel())));
            help.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
            return help;
        }

        private Grid<AdhocResult.ModelAccuracy> metricsGrid(Locale locale) {
            Grid<AdhocResult.ModelAccuracy> grid = new Grid<>();
            grid.setId("adhoc-metrics");
            grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
            grid.setAllRowsVisible(true);
            grid.addColumn(AdhocResult.ModelAccuracy::model).setHeader(getTranslation("adhoc.metrics.model"))
                    .setAutoWidth(true).setFlexGrow(2);
            grid.addColumn(row -> getTranslation(row.chosen() ? "adhoc.role.chosen"
                    : row.baseline() ? "adhoc.role.baseline" : "adhoc.role.candidate"))
                    .setHeader(getTranslation("adhoc.metrics.role")).setAutoWidth(true);
            grid.addColumn(row -> percentOrDash(row.metrics().wape())).setHeader("WAPE");
            grid.addColumn(row -> numberOrDash(locale, row.metrics().mae())).setHeader("MAE");
            grid.addColumn(row -> numberOrDash(locale, row.metrics().rmse())).setHeader("RMSE");
            grid.addColumn(row -> numberOrDash(locale, row.metrics().mase())).setHeader("MASE");
            grid.addColumn(row -> percentOrDash(row.metrics().smape())).setHeader("sMAPE");
            grid.addColumn(row -> numberOrDash(locale, row.metrics().r2())).setHeader("R²");
            grid.setItems(result.accuracy());
            return grid;
        }

        private Grid<List<Object>> forecastGrid(Locale locale) {
            ExportTable table = adhoc.forecastTable(result);
            Grid<List<Object>> grid = new Grid<>();
            grid.setId("adhoc-forecast-grid");
            grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
            grid.setHeight("24em");
            int keyWidth = result.seriesColumns().size();
            for (int c = 0; c < keyWidth; c++) {
                int column = c;
                grid.addColumn(row -> (String) row.get(column)).setHeader(result.seriesColumns().get(c))
                        .setAutoWidth(true).setSortable(true);
            }
            grid.addColumn(row -> Formats.date(locale, (LocalDate) row.get(keyWidth)))
                    .setHeader(getTranslation("adhoc.column.date")).setAutoWidth(true);
            String[] valueKeys = {"adhoc.column.forecast", "adhoc.column.lower", "adhoc.column.upper"};
            for (int v = 0; v < valueKeys.length; v++) {
                int column = keyWidth + 1 + v;
                grid.addColumn(row -> Formats.number(locale, ((Number) row.get(column)).doubleValue()))
                        .setHeader(getTranslation(valueKeys[v])).setTextAlign(ColumnTextAlign.END);
            }
            grid.setItems(table.rows());
            return grid;
        }
    }

    /**
     * Saving the forecast file as a dataset, with the mapping the forecast was made with, through the dataset import
     * (owner, name, category rules and audit are the import's). A manager picks which of their categories products
     * without one in the file belong to.
     */
    private final class SaveAsDataset extends VerticalLayout {

        private final AdhocUpload source;
        private final AdhocMapping mapping;
        private final TextField name = new TextField(getTranslation("adhoc.save.name"));
        private final Select<String> category = new Select<>();
        private final Button save = new Button(getTranslation("adhoc.save"));
        private final Div outcome = new Div();

        SaveAsDataset(AdhocUpload source, AdhocMapping mapping) {
            this.source = source;
            this.mapping = mapping;
            setId("adhoc-save");
            setPadding(false);
            name.setId("adhoc-save-name");
            name.setMaxLength(MAX_DATASET_NAME);
            name.setRequired(true);
            name.setWidth("24em");
            name.setValue(source.originalName().replaceFirst("\\.[^.]*$", ""));
            save.setId("adhoc-save-run");
            save.addClickListener(event -> start());
            HorizontalLayout choices = wrapping(name);
            if (!scope.admin()) {
                category.setId("adhoc-save-category");
                category.setLabel(getTranslation("adhoc.save.category"));
                category.setHelperText(getTranslation("adhoc.save.category.helper"));
                List<String> categories = scope.categories().stream().sorted().toList();
                category.setItems(categories);
                if (!categories.isEmpty()) {
                    category.setValue(categories.get(0));
                }
                choices.add(category);
            }
            choices.add(save);
            add(new H3(getTranslation("adhoc.save.title")), new Paragraph(getTranslation("adhoc.save.intro")),
                    choices, outcome);
        }

        /** Imports on the task executor, as the forecast ran; the outcome comes back through {@code ui.access}. */
        private void start() {
            UI ui = UI.getCurrent();
            Locale locale = getLocale();
            String datasetName = name.getValue();
            String uncategorised = category.getValue();
            save.setEnabled(false);
            outcome.removeAll();
            executor.execute(() -> {
                try {
                    ImportResult imported = adhoc.saveAsDataset(scope, source, mapping, datasetName, uncategorised,
                            locale);
                    ui.access(() -> saved(datasetName, imported));
                } catch (UserFacingException e) {
                    ui.access(() -> refused(e));
                } catch (RuntimeException e) {
                    log.error("Saving the ad-hoc file {} as a dataset failed", source.originalName(), e);
                    ui.access(() -> {
                        save.setEnabled(true);
                        error(getTranslation("adhoc.save.failed"));
                    });
                }
            });
        }

        private void saved(String datasetName, ImportResult imported) {
            String text = getTranslation("adhoc.save.done", datasetName.strip(), imported.report().rowsImported());
            QueryParameters dataset = QueryParameters.of(DataView.DATASET, Long.toString(imported.datasetId()));
            RouterLink link = new RouterLink(getTranslation("adhoc.save.open"), DataView.class);
            link.setQueryParameters(dataset);
            link.setId("adhoc-save-link");
            Paragraph done = new Paragraph(text + " ");
            done.setId("adhoc-save-done");
            done.add(link);
            outcome.add(done);
            RouterLink notificationLink = new RouterLink(getTranslation("adhoc.save.open"), DataView.class);
            notificationLink.setQueryParameters(dataset);
            Notification notification = new Notification(new HorizontalLayout(new Span(text), notificationLink));
            notification.setDuration(8000);
            notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            notification.open();
        }

        private void refused(UserFacingException e) {
            save.setEnabled(true);
            Paragraph message = new Paragraph(e.localizedMessage(getLocale()));
            message.setId("adhoc-save-refused");
            outcome.add(message);
            if (e instanceof ImportRefusedException refusal && refusal.report().errorReport() != null) {
                Anchor report = new Anchor(DownloadHandler.forFile(refusal.report().errorReport().toFile(),
                        "import-errors.csv"), getTranslation("adhoc.save.errors"));
                report.setId("adhoc-save-errors");
                outcome.add(report);
            }
            error(e.localizedMessage(getLocale()));
        }
    }

    private String percent(double fraction) {
        NumberFormat format = NumberFormat.getPercentInstance(getLocale());
        format.setMaximumFractionDigits(1);
        return format.format(fraction);
    }

    private String percentOrDash(double fraction) {
        return Double.isFinite(fraction) ? percent(fraction) : "-";
    }

    private static String numberOrDash(Locale locale, double value) {
        return Double.isFinite(value) ? Formats.number(locale, value) : "-";
    }

    private static HorizontalLayout wrapping(Component... components) {
        HorizontalLayout row = new HorizontalLayout(components);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.getStyle().set("flex-wrap", "wrap");
        return row;
    }

    private void error(String message) {
        Notification notification = Notification.show(message, 8000, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
