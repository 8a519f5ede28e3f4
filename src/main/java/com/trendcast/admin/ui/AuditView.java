package com.trendcast.admin.ui;

import com.trendcast.audit.AuditEntry;
import com.trendcast.audit.AuditService;
import com.trendcast.common.export.ExportTable;
import com.trendcast.security.Roles;
import com.trendcast.ui.ExportLinks;
import com.trendcast.ui.MainLayout;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The audit log: who did what and when, newest first, filterable by user and action, exportable. */
@Route(value = "admin/audit", layout = MainLayout.class)
@PageTitle("Audit · Trendcast")
@RolesAllowed(Roles.ADMIN)
public class AuditView extends VerticalLayout {

    static final int LIMIT = 1000;
    static final int EXPORT_LIMIT = 100_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final AuditService audit;
    private final Grid<AuditEntry> grid = new Grid<>();
    private final TextField user = new TextField();
    private final ComboBox<String> action = new ComboBox<>();

    public AuditView(AuditService audit) {
        this.audit = audit;
        setSizeFull();
        user.setId("audit-user");
        user.setLabel(getTranslation("admin.audit.user"));
        user.setClearButtonVisible(true);
        user.setValueChangeMode(ValueChangeMode.LAZY);
        user.addValueChangeListener(e -> refresh());
        action.setId("audit-action");
        action.setLabel(getTranslation("admin.audit.action"));
        action.setItems(audit.actions());
        action.setClearButtonVisible(true);
        action.addValueChangeListener(e -> refresh());

        grid.setId("audit-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(e -> TIME.format(e.occurredAt())).setHeader(getTranslation("admin.audit.time")).setAutoWidth(true);
        grid.addColumn(AuditEntry::username).setHeader(getTranslation("admin.audit.user")).setAutoWidth(true);
        grid.addColumn(AuditEntry::action).setHeader(getTranslation("admin.audit.action")).setAutoWidth(true);
        grid.addColumn(AuditEntry::detail).setHeader(getTranslation("admin.audit.detail")).setFlexGrow(1);
        HorizontalLayout filters = new HorizontalLayout(user, action,
                ExportLinks.link("audit-export-csv", getTranslation("admin.audit.export.csv"), "audit",
                        ExportLinks.Format.CSV, this::exportTable),
                ExportLinks.link("audit-export-xlsx", getTranslation("admin.audit.export.xlsx"), "audit",
                        ExportLinks.Format.XLSX, this::exportTable));
        filters.setAlignItems(Alignment.BASELINE);
        add(new H2(getTranslation("admin.audit.title")), filters, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(audit.search(user.getValue(), action.getValue(), LIMIT));
    }

    /** The entries the filters select, up to {@link #EXPORT_LIMIT}, with times as typed cells. */
    ExportTable exportTable() {
        List<List<Object>> rows = new ArrayList<>();
        for (AuditEntry entry : audit.search(user.getValue(), action.getValue(), EXPORT_LIMIT)) {
            rows.add(Arrays.asList(LocalDateTime.ofInstant(entry.occurredAt(), ZoneId.systemDefault()),
                    entry.username(), entry.action(), entry.detail()));
        }
        return new ExportTable("audit", List.of(getTranslation("admin.audit.time"),
                getTranslation("admin.audit.user"), getTranslation("admin.audit.action"),
                getTranslation("admin.audit.detail")), rows);
    }
}
