package com.trendcast.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared public datasets, which sit in {@code shared/datasets} beside the repository. */
final class SharedData {

    private SharedData() {
    }

    static Path file(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared/datasets").resolve(relative);
            if (Files.exists(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        return Path.of("../shared/datasets").resolve(relative);
    }
}
