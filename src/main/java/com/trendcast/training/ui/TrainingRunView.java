package com.trendcast.training.ui;

import com.trendcast.common.UserFacingException;
import com.trendcast.pipeline.PipelineService;
import com.trendcast.security.AccessScope;
import com.trendcast.security.CurrentUser;
import com.trendcast.security.Roles;
import com.trendcast.training.EpochLoss;
import com.trendcast.training.ForecastRow;
import com.trendcast.training.HyperParameters;
import com.trendcast.training.RunForecast;
import com.trendcast.training.RunProgress;
import com.trendcast.training.RunStatus;
import com.trendcast.training.RunSubscription;
import com.trendcast.training.RunUpdate;
import com.trendcast.training.TrainingRunDetail;
import com.trendcast.training.TrainingRunSummary;
import com.trendcast.training.TrainingService;
import com.trendcast.ui.Formats;
import com.trendcast.ui.MainLayout;
import com.trendcast.ui.chart.ApexChart;
import com.trendcast.ui.chart.ChartOptions;
import com.trendcast.ui.chart.DataPoint;
import com.trendcast.ui.chart.RangePoint;
import com.trendcast.ui.chart.Series;
import com.trendcast.ui.chart.ValueFormat;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One training run: live progress pushed from the training service while it is queued or trains (phase, epoch and
 * step, times, loss curves, log), the actions its status allows, and once it succeeded its backtest metrics next to
 * every baseline's, a forecast preview and its model file; a failed run shows why.
 */
@Route(value = "training/run/:" + TrainingRunView.ID, layout = MainLayout.class)
@PageTitle("Training run · Trendcast")
@RolesAllowed({Roles.ADMIN, Roles.MANAGER})
public class TrainingRunView extends VerticalLayout implements BeforeEnterObserver {

    static final String ID = "id";
    /** Log lines kept on the page; the run's own log keeps more. */
    static final int LOG_LINES = 200;

    private final TrainingService training;
    private final PipelineService pipelines;
    private final AccessScope scope;

    private final H2 title = new H2();
    private final Span status = new Span();
    private final Paragraph summary = new Paragraph();
    private final Div notFound = new Div();
    private final VerticalLayout body = new VerticalLayout();
    private final Span phase = new Span();
    private final Span epoch = new Span();
    private final Span time = new Span();
    private final ProgressBar progressBar = new ProgressBar();
    private final Button cancel = new Button();
    private final Button resume = new Button();
    private final Button restart = new Button();
    private final Button promote = new Button();
    private final Button delete = new Button();
    private final Div failure = new Div();
    private final ApexChart lossChart = new ApexChart();
    private final VerticalLayout results = new VerticalLayout();
    private final Pre log = new Pre();

    private Long runId;
    private final List<EpochLoss> losses = new ArrayList<>();
    private final List<String> logLines = new ArrayList<>();
    private RunSubscription subscription;

    public TrainingRunView(TrainingService training, PipelineService pipelines, CurrentUser currentUser) {
        this.training = training;
        this.pipelines = pipelines;
        this.scope = currentUser.scope();
        title.setId("training-run-title");
        status.setId("training-run-status");
        status.getElement().getThemeList().add("badge");
        notFound.setId("training-run-not-found");
        notFound.getStyle().set("color", "var(--lumo-error-text-color)");
        notFound.setVisible(false);
        phase.setId("training-run-phase");
        epoch.setId("training-run-epoch");
        time.setId("training-run-time");
        progressBar.setId("training-run-progress");
        failure.setId("training-run-failure");
        failure.getStyle().set("color", "var(--lumo-error-text-color)").set("white-space", "pre-line");
        lossChart.setId("training-run-losses");
        lossChart.setWidthFull();
        lossChart.setHeight("320px");
        results.setId("training-run-results");
        results.setPadding(false);
        log.setId("training-run-log");
        log.getStyle().set("max-height", "16em").set("overflow", "auto").set("width", "100%")
                .set("font-size", "var(--lumo-font-size-s)");
        HorizontalLayout progressLine = new HorizontalLayout(phase, epoch, time);
        progressLine.setAlignItems(Alignment.BASELINE);
        body.setPadding(false);
        body.add(summary, progressLine, progressBar, actions(), failure, lossChart, results,
                new H3(getTranslation("training.run.log")), log);
        HorizontalLayout heading = new HorizontalLayout(title, status);
        heading.setAlignItems(Alignment.BASELINE);
        add(heading, notFound, body);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get(ID).orElse("");
        try {
            runId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            showNotFound(new UserFacingException("training.notFound", id));
            return;
        }
        reload();
    }

    /** Shows the run as stored now; a run deleted meanwhile (or never visible) reads as not found. */
    private void reload() {
        try {
            show(training.get(scope, runId));
        } catch (UserFacingException e) {
            runId = null;
            showNotFound(e);
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (runId == null || subscription != null) {
            return;
        }
        UI ui = attachEvent.getUI();
        subscription = training.subscribe(scope, runId, update -> {
            try {
                ui.access(() -> apply(update));
            } catch (UIDetachedException e) {
                // the page closed between the update and its delivery; onDetach ends the subscription
            }
        });
        // an update between the first read and the subscription would otherwise be missed
        reload();
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        super.onDetach(detachEvent);
    }

    /** One pushed update: progress, a finished epoch and new log lines in place; a final status reloads the run. */
    void apply(RunUpdate update) {
        if (runId == null || update.runId() != runId) {
            return;
        }
        if (update.status().finished()) {
            reload();
            return;
        }
        if (update.finishedEpoch() != null
                && losses.stream().noneMatch(loss -> loss.epoch() == update.finishedEpoch().epoch())) {
            losses.add(update.finishedEpoch());
            lossChart.setOptions(TrainingTexts.lossChart(this, getLocale(), Map.of("", losses)));
        }
        appendLog(update.newLogLines());
        showStatus(update.status());
        showProgress(update.status(), update.progress());
    }

    private void show(TrainingRunDetail detail) {
        TrainingRunSummary run = detail.summary();
        title.setText(getTranslation("training.run.title", String.valueOf(run.id()), run.pipelineName(), run.model()));
        HyperParameters hp = detail.hyperParameters();
        summary.setText(getTranslation("training.run.summary", getTranslation("training.pipelineVersion",
                        run.pipelineName(), run.pipelineVersion()), run.launchedBy(),
                Formats.dateTime(getLocale(), run.createdAt()),
                getTranslation("training.backend." + detail.requestedBackend()),
                getTranslation("training.run.hyperParameters", hp.layers(), hp.units(), String.valueOf(hp.dropout()),
                        String.valueOf(hp.learningRate()), hp.batchSize(), hp.maxEpochs(), hp.historyWindow(),
                        hp.patience(), String.valueOf(hp.seed()))));
        losses.clear();
        losses.addAll(detail.losses());
        lossChart.setOptions(TrainingTexts.lossChart(this, getLocale(), Map.of("", losses)));
        logLines.clear();
        appendLog(detail.log());
        showStatus(run.status());
        showProgress(run.status(), detail.progress());
        failure.setVisible(detail.failure() != null);
        failure.setText(detail.failure() == null ? "" : detail.failure().message(getLocale()));
        promote.setEnabled(run.status() == RunStatus.SUCCEEDED && !run.production());
        results.removeAll();
        if (run.status() == RunStatus.SUCCEEDED) {
            showResults(detail);
        }
    }

    private void showStatus(RunStatus newStatus) {
        status.setText(getTranslation("training.status." + newStatus));
        status.getElement().getThemeList().removeAll(List.of("success", "error", "contrast"));
        switch (newStatus) {
            case SUCCEEDED -> status.getElement().getThemeList().add("success");
            case FAILED, INTERRUPTED -> status.getElement().getThemeList().add("error");
            case CANCELLED -> status.getElement().getThemeList().add("contrast");
            default -> {
            }
        }
        cancel.setEnabled(!newStatus.finished());
        resume.setEnabled(newStatus.resumable());
        restart.setEnabled(newStatus.finished());
        delete.setEnabled(newStatus.finished());
        if (newStatus != RunStatus.SUCCEEDED) {
            promote.setEnabled(false);
        }
    }

    private void showProgress(RunStatus runStatus, RunProgress progress) {
        boolean training = RunProgress.TRAINING.equals(progress.phase());
        phase.setText(runStatus == RunStatus.QUEUED ? getTranslation("training.phase.queued")
                : progress.phase() == null ? "" : getTranslation("training.phase." + progress.phase()));
        epoch.setVisible(progress.epoch() > 0);
        epoch.setText(progress.stepsPerEpoch() > 0
                ? getTranslation("training.run.epochStep", progress.epoch(), progress.maxEpochs(), progress.step(),
                progress.stepsPerEpoch())
                : getTranslation("training.run.epoch", progress.epoch(), progress.maxEpochs()));
        String elapsed = TrainingTexts.duration(progress.elapsed());
        time.setText(progress.remaining() != null && runStatus == RunStatus.RUNNING
                ? getTranslation("training.run.elapsedRemaining", elapsed,
                TrainingTexts.duration(progress.remaining()))
                : getTranslation("training.run.elapsed", elapsed));
        // the backtest has no epoch count of the final training to measure against
        progressBar.setIndeterminate(runStatus == RunStatus.RUNNING && !training);
        progressBar.setValue(runStatus == RunStatus.SUCCEEDED ? 1 : progress.fraction());
    }

    private void appendLog(List<String> lines) {
        if (lines.isEmpty() && !logLines.isEmpty()) {
            return;
        }
        logLines.addAll(lines);
        if (logLines.size() > LOG_LINES) {
            logLines.subList(0, logLines.size() - LOG_LINES).clear();
        }
        log.setText(logLines.isEmpty() ? getTranslation("training.run.logEmpty") : String.join("\n", logLines));
    }

    private HorizontalLayout actions() {
        cancel.setText(getTranslation("training.action.cancel"));
        cancel.setId("training-run-cancel");
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        cancel.addClickListener(event -> confirm(
                getTranslation("training.confirm.cancel.title", String.valueOf(runId)),
                getTranslation("training.confirm.cancel.text"), getTranslation("training.action.cancel"),
                () -> act(() -> training.cancel(scope, runId), "training.done.cancel")));
        resume.setText(getTranslation("training.action.resume"));
        resume.setId("training-run-resume");
        resume.addClickListener(event -> act(() -> training.resume(scope, runId), "training.done.resume"));
        restart.setText(getTranslation("training.action.restart"));
        restart.setId("training-run-restart");
        restart.addClickListener(event -> act(() -> training.restart(scope, runId), "training.done.restart"));
        promote.setText(getTranslation("training.action.promote"));
        promote.setId("training-run-promote");
        promote.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        promote.addClickListener(event -> act(() -> training.promote(scope, runId), "training.done.promote"));
        delete.setText(getTranslation("training.action.delete"));
        delete.setId("training-run-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        delete.addClickListener(event -> confirm(
                getTranslation("training.confirm.delete.title", String.valueOf(runId)),
                getTranslation("training.confirm.delete.text"), getTranslation("training.action.delete"),
                this::deleteRun));
        return new HorizontalLayout(cancel, resume, restart, promote, delete);
    }

    private void confirm(String header, String text, String confirmText, Runnable action) {
        ConfirmDialog dialog = new ConfirmDialog(header, text, confirmText, event -> action.run());
        dialog.setId("training-run-confirm");
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("training.confirm.keep"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    private void act(Runnable action, String doneKey) {
        try {
            action.run();
            Notification.show(getTranslation(doneKey, String.valueOf(runId)), 3000,
                    Notification.Position.BOTTOM_START);
            reload();
        } catch (UserFacingException e) {
            Notification.show(e.localizedMessage(getLocale()), 5000, Notification.Position.MIDDLE);
        }
    }

    private void deleteRun() {
        try {
            training.delete(scope, runId);
            Notification.show(getTranslation("training.done.delete", String.valueOf(runId)), 3000,
                    Notification.Position.BOTTOM_START);
            getUI().ifPresent(ui -> ui.navigate(TrainingView.class));
        } catch (UserFacingException e) {
            Notification.show(e.localizedMessage(getLocale()), 5000, Notification.Position.MIDDLE);
        }
    }

    private void showNotFound(UserFacingException e) {
        title.setText(getTranslation("training.run.unknown"));
        status.setVisible(false);
        notFound.setText(e.localizedMessage(getLocale()));
        notFound.setVisible(true);
        body.setVisible(false);
    }

    private void showResults(TrainingRunDetail detail) {
        results.add(new H3(getTranslation("training.metrics.title")), metricsTable(detail), metricsNote(detail));
        RunForecast forecast = training.forecastOf(scope, detail.summary().id());
        if (!forecast.rows().isEmpty()) {
            results.add(forecastPreview(detail, forecast));
        }
        results.add(facts(detail));
    }

    /** The trained model first, then every baseline, all on the same backtest folds. */
    private Grid<Map.Entry<String, Map<String, Object>>> metricsTable(TrainingRunDetail detail) {
        Locale locale = getLocale();
        String trained = detail.summary().model();
        Map<String, Map<String, Object>> ordered = new LinkedHashMap<>();
        if (detail.metrics().containsKey(trained)) {
            ordered.put(trained, detail.metrics().get(trained));
        }
        ordered.putAll(detail.metrics());
        Grid<Map.Entry<String, Map<String, Object>>> table = new Grid<>();
        table.setId("training-run-metrics");
        table.addColumn(row -> row.getKey().equals(trained)
                        ? getTranslation("training.metrics.trained", row.getKey()) : row.getKey())
                .setHeader(getTranslation("training.metrics.model")).setAutoWidth(true).setFrozen(true);
        for (String metric : TrainingTexts.METRICS) {
            table.addColumn(row -> TrainingTexts.metric(locale, row.getValue(), metric))
                    .setHeader(getTranslation("training.metric." + metric)).setAutoWidth(true);
        }
        table.setItems(new ArrayList<>(ordered.entrySet()));
        table.setAllRowsVisible(true);
        return table;
    }

    private Paragraph metricsNote(TrainingRunDetail detail) {
        Map<String, Object> own = detail.metrics().getOrDefault(detail.summary().model(), Map.of());
        Paragraph note = new Paragraph(getTranslation("training.metrics.note", number(own.get("count")),
                number(own.get("mapeExcluded"))));
        note.setId("training-run-metrics-note");
        note.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        return note;
    }

    private VerticalLayout forecastPreview(TrainingRunDetail detail, RunForecast forecast) {
        List<List<String>> keys = new ArrayList<>(forecast.rows().stream().map(ForecastRow::seriesKey)
                .collect(Collectors.toCollection(LinkedHashSet::new)));
        Select<List<String>> series = new Select<>();
        series.setId("training-run-forecast-series");
        series.setLabel(getTranslation("training.forecast.series"));
        series.setItems(keys);
        series.setItemLabelGenerator(this::seriesName);
        ApexChart chart = new ApexChart();
        chart.setId("training-run-forecast");
        chart.setWidthFull();
        chart.setHeight("340px");
        String unit = unitOf(detail);
        series.addValueChangeListener(event -> {
            if (event.getValue() != null) {
                chart.setOptions(forecastChart(forecast, event.getValue(), unit));
            }
        });
        series.setValue(keys.get(0));
        VerticalLayout preview = new VerticalLayout(new H3(getTranslation("training.forecast.title")), series, chart);
        preview.setPadding(false);
        return preview;
    }

    private ChartOptions forecastChart(RunForecast forecast, List<String> key, String unit) {
        List<DataPoint> history = new ArrayList<>();
        forecast.history().stream().filter(one -> one.key().equals(key)).findFirst().ifPresent(one -> {
            for (int i = 0; i < one.length(); i++) {
                history.add(DataPoint.on(one.dateAt(i), one.valueAt(i)));
            }
        });
        List<DataPoint> points = new ArrayList<>();
        List<RangePoint> band = new ArrayList<>();
        for (ForecastRow row : forecast.rows()) {
            if (row.seriesKey().equals(key)) {
                points.add(DataPoint.on(row.date(), row.forecast()));
                band.add(RangePoint.on(row.date(), row.lower(), row.upper()));
            }
        }
        return ChartOptions.forecastBand(
                        Series.ranges(getTranslation("training.forecast.interval",
                                TrainingTexts.percent(getLocale(), forecast.intervalLevel())), band),
                        Series.points(getTranslation("training.forecast.history"), history),
                        Series.points(getTranslation("training.forecast.forecast"), points))
                .title(getTranslation("training.forecast.chart", seriesName(key)))
                .xAxisTitle(getTranslation("training.forecast.date"))
                .yAxisTitle(unit)
                .valueFormat(ValueFormat.number())
                .animations(false)
                .locale(getLocale());
    }

    private Div facts(TrainingRunDetail detail) {
        Div facts = new Div();
        facts.setId("training-run-facts");
        facts.getStyle().set("white-space", "pre-line");
        List<String> lines = new ArrayList<>();
        lines.add(getTranslation("training.facts.duration", TrainingTexts.duration(detail.summary().duration())));
        lines.add(getTranslation("training.facts.backend", detail.backend(), detail.device()));
        if (detail.modelFile() != null) {
            lines.add(getTranslation("training.facts.modelFile",
                    Formats.number(getLocale(), detail.modelFile().sizeBytes() / 1024.0),
                    detail.modelFile().sha256()));
        }
        facts.setText(String.join("\n", lines));
        return facts;
    }

    /** The y-axis title: the pipeline's target with its unit, or a neutral title when the pipeline is gone. */
    private String unitOf(TrainingRunDetail detail) {
        try {
            return getTranslation("training.forecast.axis." + pipelines.get(scope, detail.summary().pipelineId())
                    .spec().target());
        } catch (UserFacingException e) {
            return getTranslation("training.forecast.axis");
        }
    }

    private String seriesName(List<String> key) {
        String joined = key.stream().filter(part -> !part.isEmpty()).collect(Collectors.joining(" / "));
        return joined.isEmpty() ? getTranslation("training.forecast.total") : joined;
    }

    private static String number(Object value) {
        return value instanceof Number number ? String.valueOf(number.longValue()) : "0";
    }
}
