package com.trendcast.testsupport;

import com.trendcast.sales.SalesRollups;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Writes small, fully known sales datasets straight into the tables, for tests of what reads them. The rollups
 * are rebuilt after every sale, as an import writes them, so readers see a consistent dataset at any point.
 */
public final class SalesFixtures {

    private final JdbcTemplate jdbc;
    private final long datasetId;

    private SalesFixtures(JdbcTemplate jdbc, long datasetId) {
        this.jdbc = jdbc;
        this.datasetId = datasetId;
    }

    public static SalesFixtures newDataset(JdbcTemplate jdbc, String name) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("insert into dataset (name, kind, status, created_at)"
                    + " values (?, 'SALES', 'READY', ?)", new String[]{"id"});
            insert.setString(1, name);
            insert.setTimestamp(2, Timestamp.from(Instant.now()));
            return insert;
        }, key);
        return new SalesFixtures(jdbc, key.getKey().longValue());
    }

    public long datasetId() {
        return datasetId;
    }

    public long product(String sku, String name, String category1, String category2) {
        return product(sku, name, category1, category2, null);
    }

    public long product(String sku, String name, String category1, String category2, String category3) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("insert into product (dataset_id, sku, name, category1,"
                    + " category2, category3) values (?, ?, ?, ?, ?, ?)", new String[]{"id"});
            insert.setLong(1, datasetId);
            insert.setString(2, sku);
            insert.setString(3, name);
            insert.setString(4, category1);
            insert.setString(5, category2);
            insert.setString(6, category3);
            return insert;
        }, key);
        return key.getKey().longValue();
    }

    public void sale(long productId, LocalDate day, double units, double revenue) {
        sale(productId, day, "", "", units, revenue, 0);
    }

    /** One order of {@code units} in a region and channel; {@code promoShare} of its lines were promoted. */
    public void sale(long productId, LocalDate day, String region, String channel, double units, double revenue,
                     double promoShare) {
        jdbc.update("insert into sales_daily (dataset_id, product_id, sale_date, region, channel, category1, category2,"
                        + " category3, units, revenue, orders, promo_share) select ?, p.id, ?, ?, ?, p.category1,"
                        + " p.category2, p.category3, ?, ?, 1, ? from product p where p.id = ?",
                datasetId, Date.valueOf(day), region, channel, units, revenue, promoShare, productId);
        new SalesRollups(jdbc).rebuild(datasetId);
    }
}
