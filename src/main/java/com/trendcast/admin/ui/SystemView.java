package com.trendcast.admin.ui;

import com.trendcast.admin.SystemStatusService;
import com.trendcast.compute.ComputeBackendInfo;
import com.trendcast.compute.ComputeBackendService;
import com.trendcast.security.Roles;
import com.trendcast.ui.MainLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** Compute backend (CPU/GPU), database, storage and JVM, for admins. */
@Route(value = "admin/system", layout = MainLayout.class)
@PageTitle("System · Trendcast")
@RolesAllowed(Roles.ADMIN)
public class SystemView extends VerticalLayout {

    private static final long MIB = 1L << 20;

    private final ComputeBackendService backend;
    private final VerticalLayout backendSection = new VerticalLayout();

    public SystemView(ComputeBackendService backend, SystemStatusService system) {
        this.backend = backend;
        add(new H2(getTranslation("admin.system.title")));
        backendSection.setPadding(false);
        add(backendSection);
        showBackend();

        SystemStatusService.SystemStatus status = system.status();
        add(new H3(getTranslation("admin.system.database")), form(
                "admin.system.database.product", status.databaseProduct(),
                "admin.system.database.url", status.databaseUrl()));
        add(new H3(getTranslation("admin.system.storage")), form(
                "admin.system.storage.uploads", status.uploadsDir(),
                "admin.system.storage.free", status.uploadsFreeBytes() < 0 ? "?" : status.uploadsFreeBytes() / MIB + " MiB"));
        add(new H3(getTranslation("admin.system.jvm")), form(
                "admin.system.jvm.version", status.javaVersion(),
                "admin.system.jvm.heap", status.heapUsedBytes() / MIB + " / " + status.heapMaxBytes() / MIB + " MiB"));
    }

    private void showBackend() {
        backendSection.removeAll();
        backendSection.add(new H3(getTranslation("admin.system.backend")));
        if (!backend.isLoaded()) {
            Button load = new Button(getTranslation("admin.system.backend.load"), e -> {
                backend.describe();
                showBackend();
            });
            load.setId("load-backend");
            backendSection.add(new Paragraph(getTranslation("admin.system.backend.notLoaded")), load);
            return;
        }
        ComputeBackendInfo info = backend.describe();
        backendSection.add(form(
                "admin.system.backend.name", info.backend(),
                "admin.system.backend.blas", info.blasVendor(),
                "admin.system.backend.threads", String.valueOf(info.ompThreads()),
                "admin.system.backend.cores", info.cpuCores() + " · " + info.cpuModel(),
                "admin.system.backend.gpu", info.gpuDetected() ? String.join(", ", info.gpus())
                        : getTranslation("admin.system.backend.gpu.none")));
    }

    private FormLayout form(String... keysAndValues) {
        FormLayout form = new FormLayout();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Span value = new Span(keysAndValues[i + 1]);
            value.getStyle().set("word-break", "break-all");
            form.addFormItem(value, getTranslation(keysAndValues[i]));
        }
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        return form;
    }
}
