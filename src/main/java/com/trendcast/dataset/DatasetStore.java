package com.trendcast.dataset;

import com.trendcast.dataset.read.mapping.DatasetKind;
import com.trendcast.security.AccessScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plain JDBC access to the dataset tables. Bulk rows go through batch inserts: an import writes hundreds of
 * thousands of rows, which per-row ORM saves would make many times slower.
 */
@Repository
class DatasetStore {

    private static final int BATCH = 5_000;
    private static final String SUMMARY_COLUMNS = "select d.id, d.name, d.kind, u.username, d.source_file,"
            + " d.rows_read, d.rows_imported, d.rows_rejected, d.created_at"
            + " from dataset d left join app_user u on u.id = d.owner_id";

    record ProductRow(String sku, String name, List<String> categories) {
    }

    record StoredProduct(long id, List<String> categories) {
    }

    record SessionFeature(int position, String name, boolean numeric) {
    }

    record SessionRecord(long sourceRow, boolean label, String numericJson, String categoricalJson) {
    }

    record EventRecord(long sourceRow, LocalDateTime occurredAt, String userId, String sessionId,
                       String item, String eventType, String category) {
    }

    private final NamedParameterJdbcTemplate named;
    private final JdbcTemplate jdbc;

    DatasetStore(NamedParameterJdbcTemplate named) {
        this.named = named;
        this.jdbc = named.getJdbcTemplate();
    }

    long insertImporting(String name, DatasetKind kind, String ownerUsername, String sourceFile, String checksum,
                         boolean shared, Instant createdAt) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("insert into dataset (name, kind, status, owner_id,"
                    + " source_file, checksum, shared, created_at) values (?, ?, 'IMPORTING',"
                    + " (select id from app_user where username = ?), ?, ?, ?, ?)", new String[]{"id"});
            insert.setString(1, name);
            insert.setString(2, kind.name());
            insert.setString(3, ownerUsername);
            insert.setString(4, sourceFile);
            insert.setString(5, checksum);
            insert.setBoolean(6, shared);
            insert.setTimestamp(7, Timestamp.from(createdAt));
            return insert;
        }, key);
        return key.getKey().longValue();
    }

    void markReady(long datasetId, long rowsRead, long rowsImported, long rowsRejected, String mappingJson) {
        jdbc.update("update dataset set status = 'READY', rows_read = ?, rows_imported = ?, rows_rejected = ?,"
                + " mapping_json = ? where id = ?", rowsRead, rowsImported, rowsRejected, mappingJson, datasetId);
    }

    boolean delete(long datasetId) {
        return jdbc.update("delete from dataset where id = ?", datasetId) > 0;
    }

    int deleteImportingCreatedBefore(Instant instant) {
        return jdbc.update("delete from dataset where status = 'IMPORTING' and created_at < ?",
                Timestamp.from(instant));
    }

    boolean rename(long datasetId, String name) {
        return jdbc.update("update dataset set name = ? where id = ? and status = 'READY'", name, datasetId) > 0;
    }

    boolean hasAnyDataset() {
        return Boolean.TRUE.equals(jdbc.queryForObject("select count(*) > 0 from dataset", Boolean.class));
    }

    Map<String, StoredProduct> insertProducts(long datasetId, List<ProductRow> products) {
        jdbc.batchUpdate("insert into product (dataset_id, sku, name, category1, category2, category3)"
                + " values (?, ?, ?, ?, ?, ?)", products, BATCH, (insert, product) -> {
            insert.setLong(1, datasetId);
            insert.setString(2, product.sku());
            insert.setString(3, product.name());
            List<String> categories = product.categories();
            for (int level = 0; level < 3; level++) {
                insert.setString(4 + level, level < categories.size() ? categories.get(level) : null);
            }
        });
        Map<String, ProductRow> bySku = new HashMap<>(products.size() * 2);
        products.forEach(product -> bySku.put(product.sku(), product));
        Map<String, StoredProduct> stored = new HashMap<>(products.size() * 2);
        jdbc.query("select id, sku from product where dataset_id = ?", rs -> {
            String sku = rs.getString(2);
            stored.put(sku, new StoredProduct(rs.getLong(1), bySku.get(sku).categories()));
        }, datasetId);
        return stored;
    }

    /**
     * Inserts in primary-key order (product, day, region, channel): the B-tree then only grows at its right
     * edge, which makes a large import several times faster than inserting in hash order.
     */
    void insertSalesDays(long datasetId, Map<SalesRowHandler.DayKey, SalesRowHandler.DayTotals> days,
                         Map<String, StoredProduct> products) {
        List<Map.Entry<SalesRowHandler.DayKey, SalesRowHandler.DayTotals>> ordered = new ArrayList<>(days.entrySet());
        ordered.sort(Comparator.<Map.Entry<SalesRowHandler.DayKey, SalesRowHandler.DayTotals>>comparingLong(
                        entry -> products.get(entry.getKey().sku()).id())
                .thenComparing(entry -> entry.getKey().date())
                .thenComparing(entry -> entry.getKey().region())
                .thenComparing(entry -> entry.getKey().channel()));
        jdbc.batchUpdate("insert into sales_daily (dataset_id, product_id, sale_date, region, channel, category1,"
                        + " category2, category3, units, revenue, orders, avg_price, promo_share, visits)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ordered, BATCH,
                (insert, entry) -> {
                    SalesRowHandler.DayKey key = entry.getKey();
                    SalesRowHandler.DayTotals day = entry.getValue();
                    StoredProduct product = products.get(key.sku());
                    List<String> categories = product.categories();
                    insert.setLong(1, datasetId);
                    insert.setLong(2, product.id());
                    insert.setDate(3, Date.valueOf(key.date()));
                    insert.setString(4, key.region());
                    insert.setString(5, key.channel());
                    for (int level = 0; level < 3; level++) {
                        insert.setString(6 + level, level < categories.size() ? categories.get(level) : null);
                    }
                    insert.setDouble(9, day.units);
                    insert.setDouble(10, day.revenue);
                    insert.setInt(11, day.orders());
                    if (day.units != 0) {
                        insert.setDouble(12, day.revenue / day.units);
                    } else {
                        insert.setNull(12, Types.DOUBLE);
                    }
                    insert.setDouble(13, day.promotedLines / (double) day.lines);
                    if (day.visitsKnown) {
                        insert.setDouble(14, day.visits);
                    } else {
                        insert.setNull(14, Types.DOUBLE);
                    }
                });
    }

    void insertSessionFeatures(long datasetId, List<SessionFeature> features) {
        jdbc.batchUpdate("insert into session_feature (dataset_id, position, name, is_numeric) values (?, ?, ?, ?)",
                features, BATCH, (insert, feature) -> {
                    insert.setLong(1, datasetId);
                    insert.setInt(2, feature.position());
                    insert.setString(3, feature.name());
                    insert.setBoolean(4, feature.numeric());
                });
    }

    void insertSessions(long datasetId, Collection<SessionRecord> sessions) {
        jdbc.batchUpdate("insert into session_record (dataset_id, source_row, label, numeric_values,"
                + " categorical_values) values (?, ?, ?, ?, ?)", sessions, BATCH, (insert, session) -> {
            insert.setLong(1, datasetId);
            insert.setLong(2, session.sourceRow());
            insert.setBoolean(3, session.label());
            insert.setString(4, session.numericJson());
            insert.setString(5, session.categoricalJson());
        });
    }

    void insertEvents(long datasetId, Collection<EventRecord> events) {
        jdbc.batchUpdate("insert into behaviour_event (dataset_id, source_row, occurred_at, user_id, session_id, item,"
                + " event_type, category) values (?, ?, ?, ?, ?, ?, ?, ?)", events, BATCH, (insert, event) -> {
            insert.setLong(1, datasetId);
            insert.setLong(2, event.sourceRow());
            insert.setTimestamp(3, Timestamp.valueOf(event.occurredAt()));
            insert.setString(4, event.userId());
            insert.setString(5, event.sessionId());
            insert.setString(6, event.item());
            insert.setString(7, event.eventType());
            insert.setString(8, event.category());
        });
    }

    /** Ready datasets the scope may see: all for admins; for managers their own uploads, shared ones and
     * those with a product in one of their categories. */
    List<DatasetSummary> listVisible(AccessScope scope) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        return named.query(SUMMARY_COLUMNS + " where d.status = 'READY'" + visibility(scope, params)
                + " order by d.created_at desc, d.id desc", params, SUMMARY);
    }

    Optional<DatasetSummary> findVisible(AccessScope scope, long datasetId) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", datasetId);
        return named.query(SUMMARY_COLUMNS + " where d.status = 'READY' and d.id = :id" + visibility(scope, params),
                params, SUMMARY).stream().findFirst();
    }

    List<DatasetSummary> findVisibleByChecksum(AccessScope scope, String checksum) {
        MapSqlParameterSource params = new MapSqlParameterSource("checksum", checksum);
        return named.query(SUMMARY_COLUMNS + " where d.status = 'READY' and d.checksum = :checksum"
                + visibility(scope, params) + " order by d.id", params, SUMMARY);
    }

    Optional<String> mappingJson(long datasetId) {
        return jdbc.queryForList("select mapping_json from dataset where id = ?", String.class, datasetId)
                .stream().findFirst();
    }

    private static String visibility(AccessScope scope, MapSqlParameterSource params) {
        if (scope.admin()) {
            return "";
        }
        params.addValue("username", scope.username());
        StringBuilder filter = new StringBuilder(" and (u.username = :username or d.shared");
        if (!scope.categories().isEmpty()) {
            params.addValue("categories", scope.categories());
            filter.append(" or exists (select 1 from product p where p.dataset_id = d.id"
                    + " and p.category1 in (:categories))");
        }
        return filter.append(')').toString();
    }

    private static final RowMapper<DatasetSummary> SUMMARY = (rs, row) -> new DatasetSummary(rs.getLong(1),
            rs.getString(2), DatasetKind.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getLong(6),
            rs.getLong(7), rs.getLong(8), rs.getTimestamp(9).toInstant());

    Optional<String> templateFor(String headerKey) {
        return jdbc.queryForList("select mapping_json from mapping_template where header_key = ?", String.class,
                headerKey).stream().findFirst();
    }

    void saveTemplate(String headerKey, String mappingJson, String username, Instant now) {
        int updated = jdbc.update("update mapping_template set mapping_json = ?, updated_at = ?,"
                        + " updated_by = (select id from app_user where username = ?) where header_key = ?",
                mappingJson, Timestamp.from(now), username, headerKey);
        if (updated == 0) {
            jdbc.update("insert into mapping_template (header_key, mapping_json, updated_by, updated_at)"
                            + " values (?, ?, (select id from app_user where username = ?), ?)",
                    headerKey, mappingJson, username, Timestamp.from(now));
        }
    }

    Optional<String> state(String key) {
        return jdbc.queryForList("select state_value from app_state where state_key = ?", String.class, key)
                .stream().findFirst();
    }

    void saveState(String key, String value, Instant now) {
        if (jdbc.update("update app_state set state_value = ?, updated_at = ? where state_key = ?",
                value, Timestamp.from(now), key) == 0) {
            jdbc.update("insert into app_state (state_key, state_value, updated_at) values (?, ?, ?)",
                    key, value, Timestamp.from(now));
        }
    }
}
