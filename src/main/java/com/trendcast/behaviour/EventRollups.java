package com.trendcast.behaviour;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pre-summed copies of {@code behaviour_event} (migration V9) that the behaviour view reads instead of the
 * events: {@code behaviour_event_hour} (events per day, hour, category and raw type),
 * {@code behaviour_visitor_day} (one row per visitor, day, category and raw type, visitors numbered per
 * dataset) and {@code behaviour_item_day} (distinct visitors and events per item, day, category and raw type).
 *
 * <p>The events are read once, in time order, and summed here day by day: H2 answered the equivalent
 * {@code select distinct} and {@code count(distinct ...)} statements about forty times slower than one scan,
 * as it spills large distinct sets to disk. Only one day's keys and the visitor numbers are held at a time.
 *
 * <p>Rollups are written in the import transaction (a failed import leaves none) and are deleted with their
 * dataset by the foreign key cascade.
 */
@Component
public class EventRollups {

    private static final int BATCH = 5_000;

    private final JdbcTemplate jdbc;

    public EventRollups(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the rollups of one dataset from its events, replacing any it had; joins the caller's transaction. */
    public void rebuild(long datasetId) {
        for (String table : List.of("behaviour_event_hour", "behaviour_visitor_day", "behaviour_item_day")) {
            jdbc.update("delete from " + table + " where dataset_id = ?", datasetId);
        }
        DaySums sums = new DaySums(datasetId);
        jdbc.query("select occurred_at, coalesce(user_id, session_id), item, category, event_type from behaviour_event"
                + " where dataset_id = ? order by occurred_at", rs -> {
            LocalDateTime at = rs.getTimestamp(1).toLocalDateTime();
            sums.add(at.toLocalDate(), at.getHour(), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
        }, datasetId);
        sums.flushDay();
        sums.write();
    }

    private record HourKey(int hour, String category, String type) {
    }

    private record VisitorKey(int visitor, String category, String type) {
    }

    private record ItemKey(String item, String category, String type) {
    }

    private record ItemVisitor(ItemKey item, int visitor) {
    }

    /** The sums of the day being read; {@link #flushDay()} turns them into rows when the day ends. */
    private final class DaySums {
        private final long datasetId;
        private final Map<String, Integer> visitorNumbers = new HashMap<>();
        private LocalDate day;
        private final Map<HourKey, long[]> hours = new HashMap<>();
        private final Set<VisitorKey> visitors = new HashSet<>();
        private final Map<ItemKey, long[]> items = new HashMap<>();
        private final Set<ItemVisitor> itemVisitors = new HashSet<>();
        private final List<Object[]> hourRows = new ArrayList<>();
        private final List<Object[]> visitorRows = new ArrayList<>();
        private final List<Object[]> itemRows = new ArrayList<>();

        DaySums(long datasetId) {
            this.datasetId = datasetId;
        }

        void add(LocalDate eventDay, int hour, String visitor, String item, String category, String type) {
            if (!eventDay.equals(day)) {
                flushDay();
                day = eventDay;
            }
            int number = visitorNumbers.computeIfAbsent(visitor, v -> visitorNumbers.size());
            hours.computeIfAbsent(new HourKey(hour, category, type), k -> new long[1])[0]++;
            visitors.add(new VisitorKey(number, category, type));
            if (item != null) {
                ItemKey key = new ItemKey(item, category, type);
                long[] counts = items.computeIfAbsent(key, k -> new long[2]);
                counts[1]++;
                if (itemVisitors.add(new ItemVisitor(key, number))) {
                    counts[0]++;
                }
            }
        }

        void flushDay() {
            if (day == null) {
                return;
            }
            Date date = Date.valueOf(day);
            hours.forEach((key, events) -> hourRows.add(new Object[]{datasetId, date, key.hour(), key.category(),
                    key.type(), events[0]}));
            visitors.forEach(key -> visitorRows.add(new Object[]{datasetId, date, key.visitor(), key.category(),
                    key.type()}));
            items.forEach((key, counts) -> itemRows.add(new Object[]{datasetId, date, key.item(), key.category(),
                    key.type(), (int) counts[0], counts[1]}));
            hours.clear();
            visitors.clear();
            items.clear();
            itemVisitors.clear();
            if (visitorRows.size() + itemRows.size() >= BATCH) {
                write();
            }
        }

        void write() {
            insert("insert into behaviour_event_hour (dataset_id, event_day, event_hour, category, event_type, events)"
                    + " values (?, ?, ?, ?, ?, ?)", hourRows, Types.BIGINT, Types.DATE, Types.SMALLINT, Types.VARCHAR,
                    Types.VARCHAR, Types.BIGINT);
            insert("insert into behaviour_visitor_day (dataset_id, event_day, visitor_no, category, event_type)"
                    + " values (?, ?, ?, ?, ?)", visitorRows, Types.BIGINT, Types.DATE, Types.INTEGER, Types.VARCHAR,
                    Types.VARCHAR);
            insert("insert into behaviour_item_day (dataset_id, event_day, item, category, event_type, visitors, events)"
                    + " values (?, ?, ?, ?, ?, ?, ?)", itemRows, Types.BIGINT, Types.DATE, Types.VARCHAR, Types.VARCHAR,
                    Types.VARCHAR, Types.INTEGER, Types.BIGINT);
        }

        private void insert(String sql, List<Object[]> rows, int... types) {
            if (!rows.isEmpty()) {
                jdbc.batchUpdate(sql, rows, types);
                rows.clear();
            }
        }
    }
}
