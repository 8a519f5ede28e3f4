package com.trendcast.training.ui;

import com.trendcast.common.UserFacingException;
import com.trendcast.forecast.engine.lstm.LstmGlobalModel;
import com.trendcast.pipeline.PipelineService;
import com.trendcast.pipeline.PipelineSummary;
import com.trendcast.security.AccessScope;
import com.trendcast.security.CurrentUser;
import com.trendcast.security.Roles;
import com.trendcast.training.Backend;
import com.trendcast.training.EpochLoss;
import com.trendcast.training.HyperParameters;
import com.trendcast.training.RunFilter;
import com.trendcast.training.RunStatus;
import com.trendcast.training.TrainingRequest;
import com.trendcast.training.TrainingRunDetail;
import com.trendcast.training.TrainingRunSummary;
import com.trendcast.training.TrainingService;
import com.trendcast.ui.Formats;
import com.trendcast.ui.MainLayout;
import com.trendcast.ui.chart.ApexChart;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldBase;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Training runs: the runs the user may see with filters, a comparison of selected runs (metrics side by side and
 * loss curves overlaid), and a form that queues a new run and opens its page.
 */
@Route(value = "training", layout = MainLayout.class)
@PageTitle("Training · Trendcast")
@RolesAllowed({Roles.ADMIN, Roles.MANAGER})
public class TrainingView extends VerticalLayout {

    private final TrainingService training;
    private final AccessScope scope;
    private final List<PipelineSummary> visiblePipelines;

    private final Select<RunStatus> statusFilter = new Select<>();
    private final ComboBox<PipelineSummary> pipelineFilter = new ComboBox<>();
    private final TextField launchedByFilter = new TextField();
    private final Grid<TrainingRunSummary> runs = new Grid<>();
    private final Button compare = new Button();
    private final VerticalLayout comparison = new VerticalLayout();

    private final ComboBox<PipelineSummary> pipeline = new ComboBox<>();
    private final Select<String> model = new Select<>();
    private final IntegerField layers = new IntegerField();
    private final IntegerField units = new IntegerField();
    private final NumberField dropout = new NumberField();
    private final NumberField learningRate = new NumberField();
    private final IntegerField batchSize = new IntegerField();
    private final IntegerField maxEpochs = new IntegerField();
    private final IntegerField historyWindow = new IntegerField();
    private final IntegerField patience = new IntegerField();
    private final IntegerField seed = new IntegerField();
    private final Select<Backend> backend = new Select<>();
    private final Checkbox promoteOnSuccess = new Checkbox();
    private final Div launchError = new Div();

    public TrainingView(TrainingService training, PipelineService pipelines, CurrentUser currentUser) {
        this.training = training;
        this.scope = currentUser.scope();
        this.visiblePipelines = pipelines.list(scope);
        setSizeFull();
        add(new H2(getTranslation("training.title")), launchForm(), new H3(getTranslation("training.runs.title")),
                filters(), runGrid(), compareActions(), comparison);
        comparison.setId("training-comparison");
        comparison.setPadding(false);
        refresh();
    }

    private Details launchForm() {
        HyperParameters defaults = HyperParameters.defaults();
        pipeline.setId("training-pipeline");
        pipeline.setLabel(getTranslation("training.launch.pipeline"));
        pipeline.setItems(visiblePipelines);
        pipeline.setItemLabelGenerator(PipelineSummary::name);
        pipeline.setRequired(true);
        if (!visiblePipelines.isEmpty()) {
            pipeline.setValue(visiblePipelines.get(0));
        }
        model.setId("training-model");
        model.setLabel(getTranslation("training.launch.model"));
        model.setItems(TrainingService.TRAINABLE_MODELS);
        model.setValue(TrainingService.TRAINABLE_MODELS.get(0));
        model.setHelperText(getTranslation("training.help.model"));
        integer(layers, "layers", defaults.layers(), 1, LstmGlobalModel.Settings.MAX_LAYERS);
        integer(units, "units", defaults.units(), 1, LstmGlobalModel.Settings.MAX_UNITS);
        field(dropout, "dropout");
        dropout.setValue(defaults.dropout());
        dropout.setMin(0);
        dropout.setMax(LstmGlobalModel.Settings.MAX_DROPOUT);
        dropout.setStep(0.05);
        field(learningRate, "learningRate");
        learningRate.setValue(defaults.learningRate());
        integer(batchSize, "batchSize", defaults.batchSize(), 1, LstmGlobalModel.Settings.MAX_BATCH);
        integer(maxEpochs, "maxEpochs", defaults.maxEpochs(), 1, LstmGlobalModel.Settings.MAX_EPOCHS);
        integer(historyWindow, "historyWindow", defaults.historyWindow(), 0, LstmGlobalModel.Settings.MAX_WINDOW);
        integer(patience, "patience", defaults.patience(), 1, LstmGlobalModel.Settings.MAX_EPOCHS);
        integer(seed, "seed", (int) defaults.seed(), Integer.MIN_VALUE, Integer.MAX_VALUE);
        backend.setId("training-backend");
        backend.setLabel(getTranslation("training.launch.backend"));
        backend.setItems(Backend.values());
        backend.setItemLabelGenerator(value -> getTranslation("training.backend." + value));
        backend.setValue(Backend.AUTO);
        backend.setHelperText(getTranslation("training.help.backend"));
        promoteOnSuccess.setId("training-promote-on-success");
        promoteOnSuccess.setLabel(getTranslation("training.launch.promoteOnSuccess"));
        Button launch = new Button(getTranslation("training.launch.button"), event -> launch());
        launch.setId("training-launch");
        launch.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        launchError.setId("training-launch-error");
        launchError.getStyle().set("color", "var(--lumo-error-text-color)");
        FormLayout form = new FormLayout(pipeline, model, layers, units, dropout, learningRate, batchSize, maxEpochs,
                historyWindow, patience, seed, backend, promoteOnSuccess);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
        VerticalLayout content = new VerticalLayout(form, new HorizontalLayout(launch), launchError);
        content.setPadding(false);
        Details details = new Details(getTranslation("training.launch.title"), content);
        details.setId("training-launch-form");
        details.setOpened(true);
        details.setWidthFull();
        return details;
    }

    void launch() {
        launchError.setText("");
        List<String> missing = new ArrayList<>();
        for (var field : List.of(layers, units, batchSize, maxEpochs, historyWindow, patience, seed)) {
            if (field.getValue() == null) {
                missing.add(field.getLabel());
            }
        }
        if (dropout.getValue() == null) {
            missing.add(dropout.getLabel());
        }
        if (learningRate.getValue() == null) {
            missing.add(learningRate.getLabel());
        }
        if (pipeline.getValue() == null) {
            missing.add(pipeline.getLabel());
        }
        if (!missing.isEmpty()) {
            launchError.setText(getTranslation("training.launch.missing", String.join(", ", missing)));
            return;
        }
        HyperParameters hyperParameters = new HyperParameters(layers.getValue(), units.getValue(),
                dropout.getValue(), learningRate.getValue(), batchSize.getValue(), maxEpochs.getValue(),
                historyWindow.getValue(), patience.getValue(), seed.getValue());
        try {
            long runId = training.launch(scope, new TrainingRequest(pipeline.getValue().id(), model.getValue(),
                    hyperParameters, backend.getValue(), promoteOnSuccess.getValue()));
            getUI().ifPresent(ui -> ui.navigate(TrainingRunView.class, new RouteParameters(TrainingRunView.ID,
                    String.valueOf(runId))));
        } catch (UserFacingException e) {
            launchError.setText(e.localizedMessage(getLocale()));
        }
    }

    private HorizontalLayout filters() {
        statusFilter.setId("training-filter-status");
        statusFilter.setLabel(getTranslation("training.filter.status"));
        statusFilter.setItems(RunStatus.values());
        statusFilter.setEmptySelectionAllowed(true);
        statusFilter.setEmptySelectionCaption(getTranslation("training.filter.any"));
        statusFilter.setItemLabelGenerator(status -> status == null ? getTranslation("training.filter.any")
                : getTranslation("training.status." + status));
        statusFilter.addValueChangeListener(event -> refresh());
        pipelineFilter.setId("training-filter-pipeline");
        pipelineFilter.setLabel(getTranslation("training.filter.pipeline"));
        pipelineFilter.setItems(visiblePipelines);
        pipelineFilter.setItemLabelGenerator(PipelineSummary::name);
        pipelineFilter.setClearButtonVisible(true);
        pipelineFilter.addValueChangeListener(event -> refresh());
        launchedByFilter.setId("training-filter-launched-by");
        launchedByFilter.setLabel(getTranslation("training.filter.launchedBy"));
        launchedByFilter.setClearButtonVisible(true);
        launchedByFilter.addValueChangeListener(event -> refresh());
        // managers only ever see their own runs, so the filter would have one possible value
        launchedByFilter.setVisible(scope.admin());
        Button reload = new Button(getTranslation("training.runs.refresh"), event -> refresh());
        HorizontalLayout filters = new HorizontalLayout(statusFilter, pipelineFilter, launchedByFilter, reload);
        filters.setAlignItems(Alignment.BASELINE);
        return filters;
    }

    private Grid<TrainingRunSummary> runGrid() {
        Locale locale = getLocale();
        runs.setId("training-runs");
        runs.setSelectionMode(Grid.SelectionMode.MULTI);
        runs.addComponentColumn(run -> new RouterLink("#" + run.id(), TrainingRunView.class,
                new RouteParameters(TrainingRunView.ID, String.valueOf(run.id()))))
                .setHeader(getTranslation("training.column.run")).setAutoWidth(true).setFlexGrow(0);
        runs.addColumn(run -> getTranslation("training.status." + run.status())
                        + (run.production() ? " · " + getTranslation("training.production") : ""))
                .setHeader(getTranslation("training.column.status")).setAutoWidth(true);
        runs.addColumn(TrainingRunSummary::launchedBy).setHeader(getTranslation("training.column.launchedBy"))
                .setAutoWidth(true);
        runs.addColumn(run -> getTranslation("training.pipelineVersion", run.pipelineName(), run.pipelineVersion()))
                .setHeader(getTranslation("training.column.pipeline")).setFlexGrow(2);
        runs.addColumn(TrainingRunSummary::model).setHeader(getTranslation("training.column.model")).setAutoWidth(true);
        runs.addColumn(run -> TrainingTexts.metric(locale, "wape", run.keyMetric()))
                .setHeader(getTranslation("training.column.wape")).setAutoWidth(true)
                .setComparator(Comparator.comparing(TrainingRunSummary::keyMetric,
                        Comparator.nullsLast(Comparator.naturalOrder())));
        runs.addColumn(run -> TrainingTexts.duration(run.duration()))
                .setHeader(getTranslation("training.column.duration")).setAutoWidth(true);
        runs.addColumn(run -> Formats.dateTime(locale, run.createdAt()))
                .setHeader(getTranslation("training.column.created")).setAutoWidth(true);
        runs.addSelectionListener(event -> compare.setEnabled(event.getAllSelectedItems().size() >= 2));
        runs.setAllRowsVisible(true);
        return runs;
    }

    private HorizontalLayout compareActions() {
        compare.setText(getTranslation("training.compare.button"));
        compare.setId("training-compare");
        compare.setEnabled(false);
        compare.addClickListener(event -> compareSelected());
        return new HorizontalLayout(compare);
    }

    void refresh() {
        String launchedBy = launchedByFilter.getValue().isBlank() ? null : launchedByFilter.getValue().strip();
        runs.setItems(training.list(scope, new RunFilter(statusFilter.getValue(),
                pipelineFilter.getValue() == null ? null : pipelineFilter.getValue().id(), launchedBy)));
        compare.setEnabled(false);
    }

    private void compareSelected() {
        comparison.removeAll();
        List<TrainingRunDetail> details = new ArrayList<>();
        try {
            for (TrainingRunSummary run : runs.getSelectedItems().stream()
                    .sorted(Comparator.comparingLong(TrainingRunSummary::id)).toList()) {
                details.add(training.get(scope, run.id()));
            }
        } catch (UserFacingException e) {
            comparison.add(new Div(e.localizedMessage(getLocale())));
            return;
        }
        comparison.add(new H3(getTranslation("training.compare.title")), metricsTable(details), lossChart(details));
    }

    /** Rows are the metrics, one column per run, so runs read side by side. */
    private Grid<String> metricsTable(List<TrainingRunDetail> details) {
        Locale locale = getLocale();
        Grid<String> table = new Grid<>();
        table.setId("training-compare-metrics");
        table.addColumn(metric -> getTranslation("training.metric." + metric))
                .setHeader(getTranslation("training.compare.metric")).setAutoWidth(true).setFrozen(true);
        for (TrainingRunDetail detail : details) {
            Map<String, Object> metrics = detail.metrics().get(detail.summary().model());
            table.addColumn(metric -> TrainingTexts.metric(locale, metrics, metric))
                    .setHeader(runLabel(detail.summary())).setAutoWidth(true);
        }
        table.setItems(TrainingTexts.METRICS);
        table.setAllRowsVisible(true);
        return table;
    }

    private ApexChart lossChart(List<TrainingRunDetail> details) {
        Map<String, List<EpochLoss>> losses = new LinkedHashMap<>();
        details.forEach(detail -> losses.put(runLabel(detail.summary()), detail.losses()));
        ApexChart chart = new ApexChart(TrainingTexts.lossChart(this, getLocale(), losses));
        chart.setId("training-compare-losses");
        chart.setWidthFull();
        chart.setHeight("340px");
        return chart;
    }

    private String runLabel(TrainingRunSummary run) {
        return getTranslation("training.compare.run", String.valueOf(run.id()), run.pipelineName());
    }

    private void integer(IntegerField field, String name, int value, int min, int max) {
        field(field, name);
        field.setValue(value);
        field.setMin(min);
        field.setMax(max);
    }

    private void field(TextFieldBase<?, ?> field, String name) {
        field.setId("training-hp-" + name);
        field.setLabel(getTranslation("training.hp." + name));
        field.setHelperText(getTranslation("training.help." + name));
    }
}
