package com.trendcast.overview.ui;

import com.trendcast.sales.SalesOverview;
import com.trendcast.sales.SalesQueryService;
import com.trendcast.security.AccessScope;
import com.trendcast.security.CurrentUser;
import com.trendcast.ui.Formats;
import com.trendcast.ui.KpiCard;
import com.trendcast.ui.MainLayout;
import com.trendcast.ui.ViewLoader;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.PermitAll;

import java.util.Locale;

/**
 * Start page: headline KPIs of the user's categories, the weekly trend and the top movers, loaded in the
 * background ({@link ViewLoader}).
 */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Trendcast")
@PermitAll
public class OverviewView extends VerticalLayout {

    static final int DAYS = 30;

    private final VerticalLayout content = new VerticalLayout();

    public OverviewView(SalesQueryService sales, ViewLoader loader, CurrentUser currentUser) {
        setPadding(true);
        setSpacing(true);
        AccessScope scope = currentUser.scope();
        ProgressBar loading = ViewLoader.indicator("overview-loading");
        content.setPadding(false);
        content.setWidthFull();
        add(new H2(getTranslation("overview.title")), loading, content);
        loader.load(this, loading, () -> sales.overview(scope, DAYS), overview -> show(scope, overview));
    }

    private void show(AccessScope scope, SalesOverview overview) {
        if (overview.isEmpty()) {
            content.add(emptyState(scope));
            return;
        }
        Locale locale = getLocale();
        content.add(kpis(overview, locale));
        Div charts = new Div(OverviewCharts.weeklyTrend(this, locale, overview),
                OverviewCharts.topCategories(this, locale, overview));
        charts.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.MEDIUM);
        charts.setWidthFull();
        content.add(charts, movers(overview, locale));
    }

    private Div emptyState(AccessScope scope) {
        Div empty = new Div();
        empty.setId("overview-empty");
        empty.addClassNames(LumoUtility.Padding.LARGE, LumoUtility.BorderRadius.MEDIUM, LumoUtility.Background.CONTRAST_5);
        empty.add(new H3(getTranslation("overview.empty.title")));
        if (!scope.admin() && scope.categories().isEmpty()) {
            empty.add(new Paragraph(getTranslation("overview.empty.scope")));
        } else {
            empty.add(new Paragraph(getTranslation("overview.empty.text")),
                    new Anchor("data", getTranslation("overview.empty.link")));
        }
        return empty;
    }

    private Div kpis(SalesOverview overview, Locale locale) {
        Div cards = new Div();
        cards.setId("overview-kpis");
        cards.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.MEDIUM);
        cards.setWidthFull();
        cards.add(
                card(locale, "overview.kpi.revenue", overview.revenue(), overview.previousRevenue()),
                card(locale, "overview.kpi.units", overview.units(), overview.previousUnits()),
                new KpiCard(getTranslation("overview.kpi.products"), Formats.number(locale, overview.activeProducts()),
                        null, null),
                new KpiCard(getTranslation("overview.kpi.latest"), Formats.date(locale, overview.latestDay()),
                        null, null));
        return cards;
    }

    private KpiCard card(Locale locale, String labelKey, double current, double previous) {
        Double change = SalesOverview.change(current, previous);
        String comparison = change == null ? getTranslation("overview.kpi.noPrevious")
                : getTranslation("overview.kpi.vsPrevious", Formats.signedPercent(locale, change), DAYS);
        return new KpiCard(getTranslation(labelKey, DAYS), Formats.compact(locale, current), comparison, change);
    }

    private VerticalLayout movers(SalesOverview overview, Locale locale) {
        Grid<SalesOverview.ProductMover> grid = new Grid<>();
        grid.setId("overview-movers");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(m -> m.name() == null ? m.sku() : m.sku() + " · " + m.name())
                .setHeader(getTranslation("overview.movers.product")).setFlexGrow(3);
        grid.addColumn(SalesOverview.ProductMover::category).setHeader(getTranslation("overview.movers.category"));
        grid.addColumn(m -> Formats.number(locale, m.revenue())).setHeader(getTranslation("overview.movers.revenue"))
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        grid.addColumn(m -> {
            Double change = SalesOverview.change(m.revenue(), m.previousRevenue());
            return change == null ? "—" : Formats.signedPercent(locale, change);
        }).setHeader(getTranslation("overview.movers.change"))
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        grid.setItems(overview.movers());
        grid.setAllRowsVisible(true);
        VerticalLayout section = new VerticalLayout(new H3(getTranslation("overview.movers.title", DAYS)), grid);
        section.setPadding(false);
        return section;
    }
}
