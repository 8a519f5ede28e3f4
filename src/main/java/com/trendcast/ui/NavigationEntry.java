package com.trendcast.ui;

import com.trendcast.admin.ui.AuditView;
import com.trendcast.admin.ui.SystemView;
import com.trendcast.admin.ui.UsersView;
import com.trendcast.behaviour.ui.BehaviourView;
import com.trendcast.dataset.ui.DataView;
import com.trendcast.forecast.ui.AdhocForecastView;
import com.trendcast.forecast.ui.ForecastExplorerView;
import com.trendcast.overview.ui.OverviewView;
import com.trendcast.pipeline.ui.PipelinesView;
import com.trendcast.sales.ui.SalesView;
import com.trendcast.training.ui.TrainingView;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.icon.VaadinIcon;

import java.util.List;

/** An area of the application in the side navigation; only areas that exist are listed. */
record NavigationEntry(String labelKey, Class<? extends Component> view, VaadinIcon icon, boolean admin) {

    static final List<NavigationEntry> ENTRIES = List.of(
            new NavigationEntry("nav.overview", OverviewView.class, VaadinIcon.DASHBOARD, false),
            new NavigationEntry("nav.sales", SalesView.class, VaadinIcon.CHART, false),
            new NavigationEntry("nav.forecasts", ForecastExplorerView.class, VaadinIcon.TRENDING_UP, false),
            new NavigationEntry("nav.behaviour", BehaviourView.class, VaadinIcon.USER_CHECK, false),
            new NavigationEntry("nav.data", DataView.class, VaadinIcon.DATABASE, false),
            new NavigationEntry("nav.pipelines", PipelinesView.class, VaadinIcon.SITEMAP, false),
            new NavigationEntry("nav.training", TrainingView.class, VaadinIcon.AUTOMATION, false),
            new NavigationEntry("nav.adhoc", AdhocForecastView.class, VaadinIcon.MAGIC, false),
            new NavigationEntry("nav.admin.users", UsersView.class, VaadinIcon.USERS, true),
            new NavigationEntry("nav.admin.system", SystemView.class, VaadinIcon.SERVER, true),
            new NavigationEntry("nav.admin.audit", AuditView.class, VaadinIcon.LIST, true));
}
