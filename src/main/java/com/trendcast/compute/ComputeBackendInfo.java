package com.trendcast.compute;

import java.util.List;

/** What the deep-learning backend runs on: recorded with every training run and shown to admins. */
public record ComputeBackendInfo(String backend, String blasVendor, int ompThreads, int cpuCores,
                                 String cpuModel, List<String> gpus) {

    public boolean gpuDetected() {
        return !gpus.isEmpty();
    }

    /** One line naming the device, e.g. "CPU: Intel Xeon (2 cores, 1 OpenMP thread)". */
    public String device() {
        if (gpuDetected()) {
            return "GPU: " + String.join(", ", gpus);
        }
        return "CPU: " + cpuModel + " (" + cpuCores + " cores, " + ompThreads + " OpenMP thread"
                + (ompThreads == 1 ? "" : "s") + ")";
    }
}
