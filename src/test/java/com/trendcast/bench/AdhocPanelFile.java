package com.trendcast.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;

/**
 * A synthetic retail sales file as a user would drop it on the ad-hoc view: one row per SKU and day with
 * {@code sku,date,units,promo}; weekly and yearly seasonality, noise, and promotions (about one day in twelve)
 * that lift sales by 40%.
 */
final class AdhocPanelFile {

    static final String HEADER = "sku,date,units,promo";

    private AdhocPanelFile() {
    }

    static Path write(Path file, int seriesCount, int days, long seed) {
        Random random = new Random(seed);
        LocalDate start = LocalDate.of(2023, 1, 1);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER + "\n");
            for (int s = 0; s < seriesCount; s++) {
                double level = 5 + random.nextDouble() * 200;
                double weeklyPhase = random.nextDouble() * 2 * Math.PI;
                for (int t = 0; t < days; t++) {
                    boolean promo = random.nextInt(12) == 0;
                    double weekly = 1 + 0.25 * Math.sin(2 * Math.PI * t / 7 + weeklyPhase);
                    double yearly = 1 + 0.3 * Math.sin(2 * Math.PI * t / 365.25);
                    double units = level * weekly * yearly * (promo ? 1.4 : 1)
                            + random.nextGaussian() * level * 0.1;
                    out.write("SKU-" + s + "," + start.plusDays(t) + "," + Math.max(0, Math.round(units)) + ","
                            + (promo ? 1 : 0) + "\n");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
