package com.trendcast.bench;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

/**
 * Retail data sets cut into a history file, an optional future file of known covariates, and the held-out
 * actuals, shaped like the public sets the forecast engine will meet but cannot download here:
 * <ul>
 *     <li>{@link #storeItemDaily}: like Kaggle's "Store Item Demand Forecasting" (10 stores x 50 items, daily
 *     2013-2017, {@code date,store,item,sales}, 90 days to forecast): integer counts with weekday and yearly
 *     seasonality, store and item multipliers, a slowing growth trend and Poisson noise.</li>
 *     <li>{@link #walmartWeekly}: like Kaggle's "Walmart Recruiting - Store Sales Forecasting" (45 stores x ~80
 *     departments, Friday weeks 2010-02-05..2012-10-26 plus its 39-week test period,
 *     {@code Store,Dept,Date,Weekly_Sales,IsHoliday} with {@code TRUE/FALSE}): departments missing in some stores,
 *     sparse departments with missing weeks and negative (returns) weeks, series starting late or holding one
 *     row, flagged Super Bowl, Labor Day, Thanksgiving and (post-)Christmas weeks with their effects, and the
 *     unflagged pre-Christmas peak that moves against the 52-week lag.</li>
 *     <li>{@link #superstoreWeekly} and {@link #onlineRetailDaily}: the real Superstore and UCI Online Retail
 *     files from {@code shared/datasets}.</li>
 * </ul>
 */
final class RetailHoldouts {

    /**
     * One held-out forecasting task and the command-line flags that state it.
     *
     * @param actual held-out values by series columns and ISO date joined with commas
     */
    record Holdout(String name, Path history, Path future, String dateColumn, String targetColumn,
                   List<String> seriesColumns, List<String> covariates, String frequency, int horizon,
                   Map<String, Double> actual) {

        List<String> flags() {
            List<String> flags = new ArrayList<>(List.of("--input", history.toString(), "--date", dateColumn,
                    "--target", targetColumn, "--series", String.join(",", seriesColumns),
                    "--horizon", String.valueOf(horizon)));
            if (future != null) {
                flags.addAll(List.of("--covariates", String.join(",", covariates), "--future", future.toString()));
            }
            if (frequency != null) {
                flags.addAll(List.of("--freq", frequency));
            }
            return flags;
        }
    }

    private static final int[] DEPARTMENTS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 16, 17, 18, 19, 20,
            21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46,
            47, 48, 49, 50, 51, 52, 54, 55, 56, 58, 59, 60, 65, 67, 71, 72, 74, 77, 78, 79, 80, 81, 82, 83, 85, 87,
            90, 91, 92, 93, 94, 95, 96, 97, 98, 99};
    private static final Set<LocalDate> SUPER_BOWL = Set.of(LocalDate.of(2010, 2, 12), LocalDate.of(2011, 2, 11),
            LocalDate.of(2012, 2, 10), LocalDate.of(2013, 2, 8));
    private static final Set<LocalDate> LABOR_DAY = Set.of(LocalDate.of(2010, 9, 10), LocalDate.of(2011, 9, 9),
            LocalDate.of(2012, 9, 7), LocalDate.of(2013, 9, 6));
    private static final Set<LocalDate> THANKSGIVING = Set.of(LocalDate.of(2010, 11, 26),
            LocalDate.of(2011, 11, 25), LocalDate.of(2012, 11, 23));
    private static final Set<LocalDate> CHRISTMAS = Set.of(LocalDate.of(2010, 12, 31), LocalDate.of(2011, 12, 30),
            LocalDate.of(2012, 12, 28));

    private RetailHoldouts() {
    }

    /** Daily store x item counts 2013-01-01..2017-12-31; the last 90 days are held out. */
    static Holdout storeItemDaily(Path folder, int stores, int items, long seed) {
        Random random = new Random(seed);
        LocalDate first = LocalDate.of(2013, 1, 1);
        LocalDate last = LocalDate.of(2017, 12, 31);
        int horizon = 90;
        LocalDate firstHeldOut = last.minusDays(horizon - 1);
        double[] weekday = {0.79, 0.92, 0.93, 0.99, 1.05, 1.13, 1.19};
        double[] storeLevel = new double[stores];
        for (int s = 0; s < stores; s++) {
            storeLevel[s] = 0.55 + 0.8 * random.nextDouble();
        }
        double[] itemLevel = new double[items];
        for (int i = 0; i < items; i++) {
            itemLevel[i] = Math.exp(random.nextGaussian() * 0.55);
        }
        Map<String, Double> actual = new LinkedHashMap<>();
        Path history = folder.resolve("store-item-history.csv");
        try (Writer out = Files.newBufferedWriter(history, StandardCharsets.UTF_8)) {
            out.write("date,store,item,sales\n");
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                double years = ChronoUnit.DAYS.between(first, day) / 365.25;
                double trend = 1 + 0.35 * (1 - Math.exp(-years / 2.5));
                double yearly = 1 + 0.23 * Math.sin(2 * Math.PI * (day.getDayOfYear() - 100) / 365.25);
                double season = weekday[day.getDayOfWeek().getValue() - 1] * yearly * trend;
                for (int s = 0; s < stores; s++) {
                    for (int i = 0; i < items; i++) {
                        long sales = poisson(random, 22 * storeLevel[s] * itemLevel[i] * season);
                        String key = (s + 1) + "," + (i + 1) + "," + day;
                        if (day.isBefore(firstHeldOut)) {
                            out.write(day + "," + (s + 1) + "," + (i + 1) + "," + sales + "\n");
                        } else {
                            actual.put(key, (double) sales);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Holdout("store-item " + stores + "x" + items, history, null, "date", "sales",
                List.of("store", "item"), List.of(), null, horizon, actual);
    }

    /**
     * Weekly store x department sales on Fridays 2010-02-05..2013-07-26: the public training period and then its
     * 39-week test period (2012-11-02..2013-07-26, Thanksgiving and Christmas included), which is held out with
     * {@code IsHoliday} in the future file.
     */
    static Holdout walmartWeekly(Path folder, int stores, int departments, long seed) {
        Random random = new Random(seed);
        LocalDate first = LocalDate.of(2010, 2, 5);
        LocalDate last = LocalDate.of(2013, 7, 26);
        int horizon = 39;
        LocalDate firstHeldOut = last.minusWeeks(horizon - 1);
        int weeks = (int) ChronoUnit.WEEKS.between(first, last) + 1;
        Map<String, Double> actual = new LinkedHashMap<>();
        Path history = folder.resolve("walmart-history.csv");
        Path future = folder.resolve("walmart-future.csv");
        try (Writer out = Files.newBufferedWriter(history, StandardCharsets.UTF_8);
             Writer ahead = Files.newBufferedWriter(future, StandardCharsets.UTF_8)) {
            out.write("Store,Dept,Date,Weekly_Sales,IsHoliday\n");
            ahead.write("Store,Dept,Date,IsHoliday\n");
            double[][] deptTraits = new double[departments][];
            for (int d = 0; d < departments; d++) {
                double kind = random.nextDouble();
                deptTraits[d] = new double[]{
                        Math.exp(8.5 + 1.6 * random.nextGaussian()),
                        kind < 0.1 ? 2 : kind < 0.2 ? 1 : 0,
                        random.nextDouble() * 0.35,
                        random.nextDouble(),
                        kind > 0.9 ? 1 : 0};
            }
            for (int s = 0; s < stores; s++) {
                double storeLevel = Math.exp(0.5 * random.nextGaussian());
                double storeTrend = -0.05 + 0.13 * random.nextDouble();
                for (int d = 0; d < departments; d++) {
                    double[] traits = deptTraits[d];
                    boolean sparse = traits[4] == 1;
                    if (random.nextDouble() > (sparse ? 0.45 : 0.9)) {
                        continue;
                    }
                    double level = traits[0] * storeLevel * Math.exp(0.3 * random.nextGaussian())
                            * (sparse ? 0.02 : 1);
                    double shape = random.nextDouble();
                    int start = shape < 0.04 ? 20 + random.nextInt(100) : 0;
                    int onlyRow = shape > 0.995 ? random.nextInt(weeks - horizon) : -1;
                    double noise = 0.06 + 0.1 * random.nextDouble();
                    for (int w = start; w < weeks; w++) {
                        if (onlyRow >= 0 && w != onlyRow || sparse && random.nextDouble() < 0.45) {
                            continue;
                        }
                        LocalDate friday = first.plusWeeks(w);
                        boolean holiday = SUPER_BOWL.contains(friday) || LABOR_DAY.contains(friday)
                                || THANKSGIVING.contains(friday) || CHRISTMAS.contains(friday);
                        double sales = level * (1 + storeTrend * w / 52.0)
                                * seasonal(friday, traits) * Math.exp(noise * random.nextGaussian());
                        if (sparse && random.nextDouble() < 0.15) {
                            sales = -sales * random.nextDouble();
                        }
                        String key = (s + 1) + "," + DEPARTMENTS[d % DEPARTMENTS.length] + "," + friday;
                        String rounded = String.format(Locale.ROOT, "%.2f", sales);
                        if (friday.isBefore(firstHeldOut)) {
                            out.write(key + "," + rounded + "," + (holiday ? "TRUE" : "FALSE") + "\n");
                        } else {
                            actual.put(key, Double.parseDouble(rounded));
                            ahead.write(key + "," + (holiday ? "TRUE" : "FALSE") + "\n");
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Holdout("walmart " + stores + "x" + departments, history, future, "Date", "Weekly_Sales",
                List.of("Store", "Dept"), List.of("IsHoliday"), null, horizon, actual);
    }

    /**
     * The seasonal multiplier of a department's week ending on {@code friday}. Traits: level, Christmas
     * sensitivity (0 grocery-like, 1 general, 2 toys and electronics), yearly amplitude, yearly phase.
     */
    private static double seasonal(LocalDate friday, double[] traits) {
        double christmas = traits[1];
        double yearly = 1 + traits[2] * Math.sin(2 * Math.PI * (friday.getDayOfYear() / 365.25 + traits[3]));
        double effect = 1;
        if (SUPER_BOWL.contains(friday)) {
            effect *= christmas == 0 ? 1.12 : 1.02;
        }
        if (LABOR_DAY.contains(friday)) {
            effect *= 1.04;
        }
        if (THANKSGIVING.contains(friday)) {
            effect *= 1 + 0.35 * (1 + christmas);
        }
        if (CHRISTMAS.contains(friday)) {
            effect *= christmas == 2 ? 0.7 : 0.9;
        }
        int shoppingDays = 0;
        for (LocalDate day = friday.minusDays(6); !day.isAfter(friday); day = day.plusDays(1)) {
            if (day.getMonthValue() == 12 && day.getDayOfMonth() >= 10 && day.getDayOfMonth() <= 24) {
                shoppingDays += day.getDayOfMonth() >= 17 ? 2 : 1;
            }
        }
        effect *= 1 + shoppingDays * 0.05 * (0.5 + christmas);
        return yearly * effect;
    }

    /**
     * Superstore sales per category and region summed into Monday weeks, 2014-2017; the last 26 weeks held out.
     */
    static Holdout superstoreWeekly(Path folder) {
        Path source = SharedData.file("superstore/Sample - Superstore.csv");
        DateTimeFormatter format = DateTimeFormatter.ofPattern("M/d/yyyy");
        Map<String, Map<LocalDate, Double>> weekly = new TreeMap<>();
        try (CSVParser parser = CSVParser.parse(source, StandardCharsets.UTF_8,
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            for (CSVRecord record : parser) {
                LocalDate date = LocalDate.parse(record.get(2), format);
                LocalDate monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                String key = record.get("Category") + "," + record.get("Region");
                weekly.computeIfAbsent(key, k -> new TreeMap<>())
                        .merge(monday, Double.parseDouble(record.get("Sales")), Double::sum);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LocalDate start = weekly.values().stream().map(m -> ((TreeMap<LocalDate, Double>) m).firstKey())
                .min(LocalDate::compareTo).orElseThrow();
        LocalDate end = weekly.values().stream().map(m -> ((TreeMap<LocalDate, Double>) m).lastKey())
                .max(LocalDate::compareTo).orElseThrow();
        for (Map<LocalDate, Double> series : weekly.values()) {
            for (LocalDate monday = start; !monday.isAfter(end); monday = monday.plusWeeks(1)) {
                series.putIfAbsent(monday, 0.0);
            }
        }
        int horizon = 26;
        return splitByDate("superstore category x region weekly", folder, weekly, end.minusWeeks(horizon - 1),
                List.of("Category", "Region"), "Week", "Sales", "week", horizon);
    }

    /**
     * UCI Online Retail quantities per country, read from the raw invoice lines (timestamps, many rows a day,
     * cancellations as negative quantities, countries that order a few times a year); the last 28 days of the
     * file are held out, summed per country and day.
     */
    static Holdout onlineRetailDaily(Path folder) {
        Path source = SharedData.file("online-retail/online_retail.csv.gz");
        LocalDate end = LocalDate.of(2011, 12, 9);
        int horizon = 28;
        LocalDate firstHeldOut = end.minusDays(horizon - 1);
        Map<String, Double> actual = new LinkedHashMap<>();
        Path history = folder.resolve("online-retail-history.csv");
        Set<String> countries = new TreeSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(source)), StandardCharsets.UTF_8));
             CSVParser parser = CSVParser.parse(reader,
                     CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get());
             Writer out = Files.newBufferedWriter(history, StandardCharsets.UTF_8)) {
            out.write("InvoiceDate,Country,Quantity\n");
            for (CSVRecord record : parser) {
                String timestamp = record.get("InvoiceDate");
                LocalDate day = LocalDate.parse(timestamp.substring(0, 10));
                String country = record.get("Country");
                countries.add(country);
                if (day.isBefore(firstHeldOut)) {
                    out.write(timestamp + "," + country + "," + record.get("Quantity") + "\n");
                } else {
                    actual.merge(country + "," + day, Double.parseDouble(record.get("Quantity")), Double::sum);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String country : countries) {
            for (LocalDate day = firstHeldOut; !day.isAfter(end); day = day.plusDays(1)) {
                actual.putIfAbsent(country + "," + day, 0.0);
            }
        }
        return new Holdout("online-retail country daily", history, null, "InvoiceDate", "Quantity",
                List.of("Country"), List.of(), "day", horizon, actual);
    }

    private static Holdout splitByDate(String name, Path folder, Map<String, Map<LocalDate, Double>> values,
                                       LocalDate firstHeldOut, List<String> seriesColumns, String dateColumn,
                                       String target, String frequency, int horizon) {
        Map<String, Double> actual = new LinkedHashMap<>();
        Path history = folder.resolve(name.replace(' ', '-') + ".csv");
        try (Writer out = Files.newBufferedWriter(history, StandardCharsets.UTF_8)) {
            out.write(String.join(",", seriesColumns) + "," + dateColumn + "," + target + "\n");
            for (Map.Entry<String, Map<LocalDate, Double>> series : values.entrySet()) {
                for (Map.Entry<LocalDate, Double> period : series.getValue().entrySet()) {
                    String value = String.format(Locale.ROOT, "%.4f", period.getValue());
                    if (period.getKey().isBefore(firstHeldOut)) {
                        out.write(series.getKey() + "," + period.getKey() + "," + value + "\n");
                    } else {
                        actual.put(series.getKey() + "," + period.getKey(), period.getValue());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Holdout(name, history, null, dateColumn, target, seriesColumns, List.of(), frequency, horizon,
                actual);
    }

    /** A Poisson draw: Knuth's method for small means, the rounded normal approximation above 60. */
    private static long poisson(Random random, double mean) {
        if (mean > 60) {
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        long count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
