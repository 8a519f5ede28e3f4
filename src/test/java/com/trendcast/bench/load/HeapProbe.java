package com.trendcast.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Heap used on the server, read as an admin through the actuator, after a GC when the server's pid is known. */
final class HeapProbe {

    private final LoadSettings settings;
    private final LoadReport report;

    HeapProbe(LoadSettings settings, LoadReport report) {
        this.settings = settings;
        this.report = report;
    }

    void read(String when) throws IOException, InterruptedException {
        if (settings.adminPassword().isEmpty()) {
            report.line("Heap %s: not read (no -Dload.adminPassword)", when);
            return;
        }
        String gc = "";
        if (settings.serverPid() > 0) {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(settings.serverPid()), "GC.run").redirectErrorStream(true).start();
            gc = jcmd.waitFor(60, TimeUnit.SECONDS) && jcmd.exitValue() == 0 ? " (after a GC)" : " (GC.run failed)";
        }
        Latencies signIn = new Latencies();
        try (FlowUser admin = new FlowUser(settings.baseUrl(), settings.responseTimeout(), signIn)) {
            if (!admin.signIn(settings.adminUser(), settings.adminPassword())) {
                report.line("Heap %s: admin could not sign in", when);
                report.problems("Heap probe", signIn);
                return;
            }
            Map<String, Double> values = new LinkedHashMap<>();
            for (String metric : List.of("jvm.memory.used", "jvm.memory.committed", "jvm.memory.max")) {
                var response = admin.getWithSession("actuator/metrics/" + metric + "?tag=area:heap");
                if (response.statusCode() != 200) {
                    report.line("Heap %s: %s answered %d", when, metric, response.statusCode());
                    return;
                }
                values.put(metric, new ObjectMapper().readTree(response.body())
                        .path("measurements").path(0).path("value").asDouble());
            }
            report.line("Heap %s%s: used %.0f MiB, committed %.0f MiB, max %.0f MiB", when, gc,
                    values.get("jvm.memory.used") / (1 << 20), values.get("jvm.memory.committed") / (1 << 20),
                    values.get("jvm.memory.max") / (1 << 20));
        }
    }
}
