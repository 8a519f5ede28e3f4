package com.trendcast.compute.cli;

import com.trendcast.testsupport.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The smoke command on the CPU backend this build holds. */
class GpuSmokeCommandTest {

    @TempDir
    Path dataDir;

    @Test
    void trainsASmallLstmAndPrintsBackendDeviceSecondsAndFinalLoss() {
        CliRun run = CliRun.run(dataDir, "", "gpu-smoke", "--series", "3", "--days", "120", "--units", "8",
                "--epochs", "2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().toList()).satisfiesExactly(
                line -> assertThat(line).matches("backend: CPU \\(BLAS .+\\)"),
                line -> assertThat(line).matches("device: CPU: .+ \\(\\d+ cores, \\d+ OpenMP threads?\\)"),
                line -> assertThat(line).isEqualTo("trained: 1 layer x 8 units, 2 epochs on 3 series x 120 days"),
                line -> assertThat(line).matches("seconds: \\d+\\.\\d\\d"),
                line -> assertThat(line).matches("final loss: \\d+\\.\\d{6}"));
    }

    @Test
    void refusesAnEmptyBudgetAsAUsageError() {
        CliRun run = CliRun.run(dataDir, "", "gpu-smoke", "--epochs", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--epochs must be at least 1");
        assertThat(run.out()).isEmpty();
    }
}
