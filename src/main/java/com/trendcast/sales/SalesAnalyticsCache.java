package com.trendcast.sales;

import com.trendcast.security.AccessScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Recent sales analytics answers, so that many managers browsing the same views do not each pay for the same
 * queries. An answer is keyed by everything it depends on: what it is, the request (filter, top-N), the categories
 * the caller may see (admins: all; two scopes with different categories never share an entry), and a stamp of the
 * sales data. The stamp changes when a sales dataset becomes ready or is deleted (count, id sum and largest id of
 * the ready sales datasets) and when its rollups are rebuilt ({@code dataset.rollup_version}, counted up by
 * {@link SalesRollups#rebuild} in the writing transaction), so a stale answer is never found, also not when
 * another application instance on the same database imported; old entries simply age out. At most {@link #MAX_ENTRIES} answers are kept, least recently
 * used out first.
 */
@Component
public class SalesAnalyticsCache {

    static final int MAX_ENTRIES = 256;

    private final JdbcTemplate jdbc;
    private final Map<Key, Object> entries = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Object> eldest) {
            return size() > MAX_ENTRIES;
        }
    };
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    SalesAnalyticsCache(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The kept answer to {@code request} of this {@code kind} for the caller, or the computed one, then kept. */
    @SuppressWarnings("unchecked")
    <T> T get(String kind, AccessScope scope, Object request, Supplier<T> compute) {
        Key key = new Key(kind, request, scope.admin() ? null : List.copyOf(new TreeSet<>(scope.categories())), stamp());
        Object kept;
        synchronized (entries) {
            kept = entries.get(key);
        }
        if (kept != null) {
            hits.incrementAndGet();
            return (T) kept;
        }
        misses.incrementAndGet();
        T answer = compute.get();
        // Data that changed while the answer was computed may or may not be in it: keep it under neither stamp.
        if (key.stamp().equals(stamp())) {
            synchronized (entries) {
                entries.put(key, answer);
            }
        }
        return answer;
    }

    /** Forgets every answer (the next calls compute afresh, as when measuring the uncached cost). */
    public void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }

    /** Answers found since start. */
    public long hits() {
        return hits.get();
    }

    /** Answers computed since start. */
    public long misses() {
        return misses.get();
    }

    private List<Long> stamp() {
        return jdbc.queryForObject("select count(*), coalesce(sum(id), 0), coalesce(max(id), 0),"
                        + " coalesce(sum(rollup_version), 0) from dataset where kind = 'SALES' and status = 'READY'",
                (rs, row) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
    }

    /** @param categories the caller's categories in order, or null for an admin (all of them) */
    private record Key(String kind, Object request, List<String> categories, List<Long> stamp) {
    }
}
