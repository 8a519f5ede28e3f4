package com.trendcast.behaviour;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.trendcast.audit.AuditService;
import com.trendcast.behaviour.propensity.ClassificationMetrics;
import com.trendcast.behaviour.propensity.LabelledTable;
import com.trendcast.behaviour.propensity.PropensityWorkflow;
import com.trendcast.common.UserFacingException;
import com.trendcast.dataset.DatasetService;
import com.trendcast.dataset.DatasetSummary;
import com.trendcast.dataset.read.mapping.DatasetKind;
import com.trendcast.security.AccessScope;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The user-behaviour analytics behind the {@code /behaviour} view: funnel, conversion trend, weekday × hour
 * activity and top items of event datasets; segment breakdowns and purchase-propensity models of session
 * datasets. Which datasets a caller may open is {@link DatasetService}'s rule; inside an event dataset a
 * manager sees only the events of their categories (and events without a category, which belong to the
 * dataset they may see), enforced in every query.
 */
@Service
public class BehaviourService {

    /** Items listed by conversion. */
    public static final int TOP_ITEMS = 15;
    /** A numeric column with at most this many distinct values is broken down by value, not by range. */
    static final int MAX_NUMERIC_LEVELS = 12;
    /** Value ranges of a binned numeric column (fewer where many sessions share a value). */
    static final int BINS = 5;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final NamedParameterJdbcTemplate jdbc;
    private final DatasetService datasets;
    private final AuditService audit;

    BehaviourService(NamedParameterJdbcTemplate jdbc, DatasetService datasets, AuditService audit) {
        this.jdbc = jdbc;
        this.datasets = datasets;
        this.audit = audit;
    }

    /** The event and session datasets the caller may open, newest first. */
    @Transactional(readOnly = true)
    public List<DatasetSummary> datasets(AccessScope scope) {
        return datasets.list(scope).stream()
                .filter(d -> d.kind() == DatasetKind.EVENTS || d.kind() == DatasetKind.SESSIONS).toList();
    }

    /** The event categories of a dataset the caller may filter by. */
    @Transactional(readOnly = true)
    public List<String> eventCategories(AccessScope scope, long datasetId) {
        visible(scope, datasetId, DatasetKind.EVENTS);
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = rollupWhere("behaviour_event_hour", scope, datasetId, EventFilter.all(), params);
        return jdbc.queryForList("select distinct r.category" + where + " and r.category is not null"
                + " order by r.category", params, String.class);
    }

    /**
     * The funnel, trend, heatmap and top items of the events the filter selects, read from the rollups of
     * {@link EventRollups}. Funnel visitors are exact distinct visitors over the selection, daily viewers and
     * buyers exact per day; item viewers, carts and buyers are visitor-days (distinct visitors per day,
     * summed over the days), as distinct visitors per item would need a row per event.
     */
    @Transactional(readOnly = true)
    public EventInsights events(AccessScope scope, long datasetId, EventFilter filter) {
        visible(scope, datasetId, DatasetKind.EVENTS);
        HourSums hours = hourSums(scope, datasetId, filter);
        if (hours.typeCounts.isEmpty()) {
            return new EventInsights(null, null, 0, List.of(), List.of(), List.of(),
                    new EventInsights.HourGrid(new long[7][24], new long[7][24], new long[7][24]), List.of());
        }
        Map<String, FunnelStage> stages = new HashMap<>();
        List<EventInsights.EventType> types = new ArrayList<>();
        hours.typeCounts.forEach((type, count) -> {
            FunnelStage stage = FunnelStage.of(type).orElse(null);
            if (stage != null) {
                stages.put(type, stage);
            }
            types.add(new EventInsights.EventType(type, count, stage));
        });
        types.sort(Comparator.comparingLong(EventInsights.EventType::events).reversed()
                .thenComparing(EventInsights.EventType::rawType));

        long[] stageEvents = new long[FunnelStage.values().length];
        types.forEach(t -> {
            if (t.stage() != null) {
                stageEvents[t.stage().ordinal()] += t.events();
            }
        });
        VisitorCounts visitors = visitorCounts(scope, datasetId, filter, stages);
        List<EventInsights.FunnelStep> funnel = new ArrayList<>();
        for (FunnelStage stage : FunnelStage.values()) {
            int i = stage.ordinal();
            long reached = visitors.funnel[i];
            long before = i == 0 ? 0 : visitors.funnel[i - 1];
            Double rate = i == 0 || before == 0 ? null : (double) reached / before;
            funnel.add(new EventInsights.FunnelStep(stage, reached, stageEvents[i], rate));
        }
        return new EventInsights(hours.firstDay, hours.lastDay, hours.total, List.copyOf(types), List.copyOf(funnel),
                visitors.daily, new EventInsights.HourGrid(hours.views, hours.purchases, hours.all),
                topItems(scope, datasetId, filter, stages));
    }

    private static final class HourSums {
        final Map<String, Long> typeCounts = new HashMap<>();
        final long[][] views = new long[7][24];
        final long[][] purchases = new long[7][24];
        final long[][] all = new long[7][24];
        LocalDate firstDay;
        LocalDate lastDay;
        long total;
    }

    /**
     * Event counts by type, weekday and hour, and the selection's span, from the hourly rollup. Weekday names
     * differ between H2 and PostgreSQL, so SQL returns days and Java folds them into weekdays.
     */
    private HourSums hourSums(AccessScope scope, long datasetId, EventFilter filter) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = rollupWhere("behaviour_event_hour", scope, datasetId, filter, params);
        HourSums sums = new HourSums();
        Map<String, FunnelStage> stageOf = new HashMap<>();
        jdbc.query("select r.event_day, r.event_hour, r.event_type, sum(r.events)" + where
                + " group by r.event_day, r.event_hour, r.event_type", params, rs -> {
            LocalDate day = rs.getObject(1, LocalDate.class);
            int weekday = day.getDayOfWeek().getValue() - 1;
            int hour = rs.getInt(2);
            String type = rs.getString(3);
            long events = rs.getLong(4);
            FunnelStage stage = stageOf.computeIfAbsent(type, t -> FunnelStage.of(t).orElse(null));
            sums.typeCounts.merge(type, events, Long::sum);
            sums.all[weekday][hour] += events;
            if (stage == FunnelStage.VIEW) {
                sums.views[weekday][hour] += events;
            } else if (stage == FunnelStage.PURCHASE) {
                sums.purchases[weekday][hour] += events;
            }
            sums.total += events;
            sums.firstDay = sums.firstDay == null || day.isBefore(sums.firstDay) ? day : sums.firstDay;
            sums.lastDay = sums.lastDay == null || day.isAfter(sums.lastDay) ? day : sums.lastDay;
        });
        return sums;
    }

    private record VisitorCounts(long[] funnel, List<EventInsights.DayConversion> daily) {
    }

    /**
     * Distinct visitors per funnel step over the whole selection and viewers and buyers per day, counted here
     * with bit sets over the dataset's visitor numbers (rows arrive day by day, so one day's sets are held at a
     * time); H2's count(distinct) over the same rows was several times slower than reading them.
     */
    private VisitorCounts visitorCounts(AccessScope scope, long datasetId, EventFilter filter,
                                        Map<String, FunnelStage> stages) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = rollupWhere("behaviour_visitor_day", scope, datasetId, filter, params);
        int stageCount = FunnelStage.values().length;
        BitSet[] reached = new BitSet[stageCount];
        BitSet[] today = new BitSet[stageCount];
        for (int i = 0; i < stageCount; i++) {
            reached[i] = new BitSet();
            today[i] = new BitSet();
        }
        List<EventInsights.DayConversion> daily = new ArrayList<>();
        LocalDate[] day = new LocalDate[1];
        int view = FunnelStage.VIEW.ordinal();
        int purchase = FunnelStage.PURCHASE.ordinal();
        Runnable endDay = () -> {
            if (day[0] != null) {
                daily.add(new EventInsights.DayConversion(day[0], today[view].cardinality(), today[purchase].cardinality()));
            }
            for (BitSet set : today) {
                set.clear();
            }
        };
        Object[] dayValue = new Object[1];
        jdbc.query("select r.event_day, r.visitor_no, r.event_type" + where + " order by r.event_day", params, rs -> {
            // the driver's own date object is compared per row and converted once per day
            Object rowDay = rs.getObject(1);
            if (!rowDay.equals(dayValue[0])) {
                endDay.run();
                dayValue[0] = rowDay;
                day[0] = rs.getObject(1, LocalDate.class);
            }
            FunnelStage stage = stages.get(rs.getString(3));
            if (stage != null) {
                int visitor = rs.getInt(2);
                reached[stage.ordinal()].set(visitor);
                today[stage.ordinal()].set(visitor);
            }
        });
        endDay.run();
        long[] funnel = new long[stageCount];
        for (int i = 0; i < stageCount; i++) {
            funnel[i] = reached[i].cardinality();
        }
        return new VisitorCounts(funnel, List.copyOf(daily));
    }

    /** Items with at least the filter's minimum viewer-days, best conversion first. */
    private List<EventInsights.ItemConversion> topItems(AccessScope scope, long datasetId, EventFilter filter,
                                                        Map<String, FunnelStage> stages) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = rollupWhere("behaviour_item_day", scope, datasetId, filter, params);
        String[] sums = new String[FunnelStage.values().length];
        for (FunnelStage stage : FunnelStage.values()) {
            List<String> raw = stages.entrySet().stream().filter(e -> e.getValue() == stage).map(Map.Entry::getKey)
                    .sorted().toList();
            String name = "types" + stage.name();
            params.addValue(name, raw);
            sums[stage.ordinal()] = raw.isEmpty() ? "0"
                    : "sum(case when r.event_type in (:" + name + ") then r.visitors else 0 end)";
        }
        params.addValue("minViewers", filter.minItemViewers());
        // summed once in a derived table, so HAVING and ORDER BY do not sum again
        return jdbc.query("select item, viewers, carts, buyers from (select r.item, " + sums[0] + " as viewers, "
                        + sums[1] + " as carts, " + sums[2] + " as buyers" + where + " group by r.item) items"
                        + " where viewers >= :minViewers"
                        + " order by cast(buyers as double precision) / viewers desc, viewers desc, item limit " + TOP_ITEMS,
                params, (rs, row) -> new EventInsights.ItemConversion(rs.getString(1), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4)));
    }

    /** The feature columns of a session dataset, in file order. */
    @Transactional(readOnly = true)
    public List<SessionSegments.Column> sessionColumns(AccessScope scope, long datasetId) {
        visible(scope, datasetId, DatasetKind.SESSIONS);
        return features(datasetId).stream().map(f -> new SessionSegments.Column(f.name(), f.numeric())).toList();
    }

    /**
     * Sessions and conversion by the values of {@code column}: by value for text columns and numeric columns
     * with few values, by value range (quantile bins) for other numeric columns.
     */
    @Transactional(readOnly = true)
    public SessionSegments segments(AccessScope scope, long datasetId, String column) {
        visible(scope, datasetId, DatasetKind.SESSIONS);
        List<Feature> features = features(datasetId);
        Feature feature = features.stream().filter(f -> f.name().equals(column)).findFirst()
                .orElseThrow(() -> new UserFacingException("behaviour.column.unknown", column));
        MapSqlParameterSource params = new MapSqlParameterSource("dataset", datasetId);
        return feature.numeric() ? numericSegments(feature, params) : textSegments(feature, params);
    }

    /**
     * Text columns have few distinct combinations per session (month x visitor type x weekend ...), so SQL
     * groups the stored value arrays and only those groups are unpacked here.
     */
    private SessionSegments textSegments(Feature feature, MapSqlParameterSource params) {
        Map<String, long[]> byValue = new HashMap<>();
        jdbc.query("select categorical_values, count(*), sum(case when label then 1 else 0 end)"
                + " from session_record where dataset_id = :dataset group by categorical_values", params, rs -> {
            JsonNode value = parse(rs.getString(1)).get(feature.index());
            String key = value == null || value.isNull() ? null : value.asText();
            long[] counts = byValue.computeIfAbsent(key, k -> new long[2]);
            counts[0] += rs.getLong(2);
            counts[1] += rs.getLong(3);
        });
        List<SessionSegments.Segment> segments = new ArrayList<>();
        byValue.forEach((value, counts) -> segments.add(new SessionSegments.Segment(value, null, null, counts[0], counts[1])));
        segments.sort(textOrder(segments));
        return summed(feature.name(), false, segments);
    }

    /** Numeric columns are nearly unique per session, so their values are read row by row and counted here. */
    private SessionSegments numericSegments(Feature feature, MapSqlParameterSource params) {
        List<double[]> valueAndLabel = new ArrayList<>();
        long[] missing = new long[2];
        jdbc.query("select numeric_values, label from session_record where dataset_id = :dataset", params, rs -> {
            Double value = numberAt(rs.getString(1), feature.index());
            boolean bought = rs.getBoolean(2);
            if (value == null) {
                missing[0]++;
                missing[1] += bought ? 1 : 0;
            } else {
                valueAndLabel.add(new double[]{value, bought ? 1 : 0});
            }
        });
        double[] sorted = valueAndLabel.stream().mapToDouble(v -> v[0]).sorted().toArray();
        long distinct = Arrays.stream(sorted).distinct().count();
        List<SessionSegments.Segment> segments = new ArrayList<>();
        boolean binned = distinct > MAX_NUMERIC_LEVELS;
        if (!binned) {
            Map<Double, long[]> byValue = new TreeMap<>();
            for (double[] v : valueAndLabel) {
                long[] counts = byValue.computeIfAbsent(v[0], k -> new long[2]);
                counts[0]++;
                counts[1] += (long) v[1];
            }
            byValue.forEach((value, counts) -> segments.add(new SessionSegments.Segment(plain(value), value, value,
                    counts[0], counts[1])));
        } else {
            double[] edges = quantileEdges(sorted);
            long[][] counts = new long[edges.length + 1][2];
            for (double[] v : valueAndLabel) {
                int bin = Arrays.binarySearch(edges, v[0]);
                bin = bin >= 0 ? bin : -bin - 1;
                counts[bin][0]++;
                counts[bin][1] += (long) v[1];
            }
            for (int bin = 0; bin <= edges.length; bin++) {
                Double lower = bin == 0 ? null : edges[bin - 1];
                Double upper = bin == edges.length ? null : edges[bin];
                String label = lower == null ? "≤ " + plain(upper) : upper == null ? "> " + plain(lower)
                        : plain(lower) + " – " + plain(upper);
                segments.add(new SessionSegments.Segment(label, lower, upper, counts[bin][0], counts[bin][1]));
            }
        }
        if (missing[0] > 0) {
            segments.add(new SessionSegments.Segment(null, null, null, missing[0], missing[1]));
        }
        return summed(feature.name(), binned, segments);
    }

    /**
     * Element {@code index} of a stored array of numbers and nulls. Such an array holds no commas inside its
     * elements, so counting commas finds the element; a JSON parser per session made the numeric breakdown
     * nine times slower than reading the rows.
     */
    static Double numberAt(String json, int index) {
        int start = json.indexOf('[') + 1;
        for (int i = 0; i < index; i++) {
            start = json.indexOf(',', start) + 1;
            if (start == 0) {
                throw new IllegalStateException("stored session values have no element " + index);
            }
        }
        int end = json.indexOf(',', start);
        String element = json.substring(start, end < 0 ? json.lastIndexOf(']') : end).strip();
        return element.equals("null") ? null : Double.valueOf(element);
    }

    /** Upper edges of up to {@link #BINS} ranges with about equally many sessions; repeated edges merge. */
    static double[] quantileEdges(double[] sorted) {
        List<Double> edges = new ArrayList<>();
        for (int q = 1; q < BINS; q++) {
            double edge = sorted[(int) ((long) q * (sorted.length - 1) / BINS)];
            if (edge < sorted[sorted.length - 1] && (edges.isEmpty() || edge > edges.get(edges.size() - 1))) {
                edges.add(edge);
            }
        }
        return edges.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static SessionSegments summed(String column, boolean binned, List<SessionSegments.Segment> segments) {
        long sessions = segments.stream().mapToLong(SessionSegments.Segment::sessions).sum();
        long purchases = segments.stream().mapToLong(SessionSegments.Segment::purchases).sum();
        return new SessionSegments(column, binned, sessions, purchases, List.copyOf(segments));
    }

    /** Month names in calendar order, numbers in numeric order, anything else by sessions; no value last. */
    private static Comparator<SessionSegments.Segment> textOrder(List<SessionSegments.Segment> segments) {
        boolean months = segments.stream().allMatch(s -> s.label() == null || month(s.label()) != null);
        Comparator<SessionSegments.Segment> known = months
                ? Comparator.comparing(s -> month(s.label()))
                : Comparator.comparingLong(SessionSegments.Segment::sessions).reversed()
                .thenComparing(SessionSegments.Segment::label);
        return (a, b) -> a.label() == null ? (b.label() == null ? 0 : 1) : b.label() == null ? -1 : known.compare(a, b);
    }

    private static final Map<String, Month> MONTH_PREFIXES = new LinkedHashMap<>();

    static {
        for (Month month : Month.values()) {
            MONTH_PREFIXES.put(month.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT), month);
        }
    }

    private static Month month(String label) {
        String text = label.strip().toLowerCase(Locale.ROOT);
        if (text.length() < 3) {
            return null;
        }
        Month month = MONTH_PREFIXES.get(text.substring(0, 3));
        boolean matches = month != null
                && month.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT).startsWith(text);
        return matches ? month : null;
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /**
     * Trains the neural network, the logistic baseline and gradient-boosted trees on a stratified 70 % of the
     * dataset's sessions and scores the held-out 30 %; {@code beforeModel} hears each model as it starts.
     * Slow (seconds to a minute): call it off the UI thread, and stop it through {@code cancelled}, never by
     * interrupting the thread (an interrupt during embedded H2 file I/O closes the database).
     */
    public PropensityRun trainPropensity(AccessScope scope, long datasetId, long seed, Consumer<String> beforeModel,
                                         BooleanSupplier cancelled) {
        DatasetSummary dataset = visible(scope, datasetId, DatasetKind.SESSIONS);
        List<Feature> features = features(datasetId);
        List<Long> sourceRows = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        int numericCount = (int) features.stream().filter(Feature::numeric).count();
        jdbc.query("select source_row, label, numeric_values, categorical_values from session_record"
                + " where dataset_id = :dataset order by source_row", new MapSqlParameterSource("dataset", datasetId), rs -> {
            JsonNode numbers = parse(rs.getString(3));
            JsonNode texts = parse(rs.getString(4));
            String[] values = new String[features.size()];
            for (int c = 0; c < features.size(); c++) {
                Feature feature = features.get(c);
                JsonNode value = (feature.numeric() ? numbers : texts).get(feature.index());
                values[c] = value == null || value.isNull() ? "" : value.asText();
            }
            sourceRows.add(rs.getLong(1));
            labels.add(rs.getBoolean(2));
            rows.add(values);
        });
        boolean[] labelArray = new boolean[labels.size()];
        for (int i = 0; i < labelArray.length; i++) {
            labelArray[i] = labels.get(i);
        }
        LabelledTable table = new LabelledTable(features.stream().map(Feature::name).toList(), rows, labelArray);
        long started = System.nanoTime();
        PropensityWorkflow.Comparison comparison = PropensityWorkflow.compareOnHoldout(table, PropensityRun.TEST_SHARE,
                seed, beforeModel, cancelled);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        int[] testRows = comparison.testRows();
        long[] testSourceRows = new long[testRows.length];
        List<String[]> testFeatures = new ArrayList<>(testRows.length);
        for (int i = 0; i < testRows.length; i++) {
            testSourceRows[i] = sourceRows.get(testRows[i]);
            testFeatures.add(rows.get(testRows[i]));
        }
        PropensityRun run = new PropensityRun(datasetId, dataset.name(),
                features.stream().map(f -> new SessionSegments.Column(f.name(), f.numeric())).toList(),
                rows.size() - testRows.length, testSourceRows, testFeatures, comparison.testLabels(),
                comparison.models(), took);
        StringBuilder detail = new StringBuilder("Dataset " + datasetId + " '" + dataset.name() + "', "
                + rows.size() + " sessions (" + numericCount + " numeric columns), " + took.toMillis() + " ms; held-out ROC AUC");
        for (String model : run.modelNames()) {
            ClassificationMetrics metrics = run.metrics(model, 0.5);
            detail.append(String.format(Locale.ROOT, " %s %.4f", model, metrics.rocAuc()));
        }
        audit.record(scope.username(), "propensity.train", detail.toString());
        return run;
    }

    private DatasetSummary visible(AccessScope scope, long datasetId, DatasetKind kind) {
        DatasetSummary dataset = datasets.get(scope, datasetId);
        if (dataset.kind() != kind) {
            throw new UserFacingException("behaviour.dataset.wrongKind", dataset.name());
        }
        return dataset;
    }

    private record Feature(String name, boolean numeric, int index) {
    }

    /** Features with their index inside the numeric or the text value array of a session row. */
    private List<Feature> features(long datasetId) {
        int[] next = new int[2];
        return jdbc.query("select name, is_numeric from session_feature where dataset_id = :dataset order by position",
                new MapSqlParameterSource("dataset", datasetId), (rs, row) -> {
                    boolean numeric = rs.getBoolean(2);
                    return new Feature(rs.getString(1), numeric, next[numeric ? 0 : 1]++);
                });
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("session values are stored as JSON arrays", e);
        }
    }

    /**
     * FROM and WHERE of every query on an event rollup (alias {@code r}): the dataset, the filter, and for
     * managers only rows of their categories or without a category (the dataset itself was checked to be
     * visible to them). Rollups are per day, and the filter's range is whole days, so it selects exactly the
     * days' events.
     */
    private static String rollupWhere(String table, AccessScope scope, long datasetId, EventFilter filter,
                                      MapSqlParameterSource params) {
        StringBuilder sql = new StringBuilder(" from " + table + " r where r.dataset_id = :dataset");
        params.addValue("dataset", datasetId);
        if (!scope.admin()) {
            if (scope.categories().isEmpty()) {
                sql.append(" and r.category is null");
            } else {
                sql.append(" and (r.category is null or r.category in (:scopeCategories))");
                params.addValue("scopeCategories", scope.categories());
            }
        }
        if (filter.category() != null) {
            sql.append(" and r.category = :category");
            params.addValue("category", filter.category());
        }
        if (filter.from() != null) {
            sql.append(" and r.event_day >= :from");
            params.addValue("from", Date.valueOf(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" and r.event_day <= :to");
            params.addValue("to", Date.valueOf(filter.to()));
        }
        return sql.toString();
    }
}
