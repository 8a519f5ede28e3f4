package com.trendcast.compute;

import org.nd4j.linalg.api.environment.Nd4jEnvironment;
import org.nd4j.linalg.factory.Nd4j;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Reports the ND4J backend (CPU or CUDA), its BLAS library, threads and GPUs. ND4J loads its
 * native libraries on first use (a second or two), so callers can ask whether it is loaded yet.
 */
@Service
public class ComputeBackendService {

    private volatile ComputeBackendInfo info;

    public boolean isLoaded() {
        return info != null;
    }

    /** Loads the backend if needed and describes it. */
    public ComputeBackendInfo describe() {
        ComputeBackendInfo current = info;
        if (current == null) {
            synchronized (this) {
                if (info == null) {
                    info = read();
                }
                current = info;
            }
        }
        return current;
    }

    private static ComputeBackendInfo read() {
        Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
        List<String> gpus = new ArrayList<>();
        Object devices = env.get(Nd4jEnvironment.CUDA_DEVICE_INFORMATION_KEY);
        if (devices instanceof List<?> list) {
            for (Object device : list) {
                if (device instanceof Map<?, ?> map) {
                    Object name = map.get(Nd4jEnvironment.CUDA_DEVICE_NAME_KEY);
                    Object memory = map.get(Nd4jEnvironment.CUDA_TOTAL_MEMORY_KEY);
                    gpus.add(name + (memory instanceof Number bytes
                            ? String.format(" (%.0f GiB)", bytes.doubleValue() / (1L << 30)) : ""));
                }
            }
        }
        return new ComputeBackendInfo(
                String.valueOf(env.getOrDefault(Nd4jEnvironment.BACKEND_KEY, Nd4j.getBackend().getClass().getSimpleName())),
                String.valueOf(env.getOrDefault(Nd4jEnvironment.BLAS_VENDOR_KEY, "unknown")),
                intValue(env.get(Nd4jEnvironment.OMP_THREADS_KEY)),
                Runtime.getRuntime().availableProcessors(),
                cpuModel(),
                List.copyOf(gpus));
    }

    private static int intValue(Object value) {
        if (value instanceof Number number) {
            return number.intValue();
        }
        try {
            return value == null ? 0 : Integer.parseInt(value.toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException | SecurityException e) {
            return System.getProperty("os.arch");
        }
        return System.getProperty("os.arch");
    }
}
