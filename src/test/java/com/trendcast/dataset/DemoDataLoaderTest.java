package com.trendcast.dataset;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo import on a fresh in-memory database, as on a first start. The real Online Retail subset takes too
 * long for a unit test on a small machine, so the sales file here is its first 2,000 lines
 * ({@code zcat online_retail_demo.csv.gz | head -2001 | gzip -9 -n}: 595 products, 19 return lines, units 20,874,
 * revenue 44,954.37 GBP, counted with a script); the sessions file is the real one.
 */
@SpringBootTest(properties = {
        "trendcast.demo-data=true",
        "spring.datasource.url=jdbc:h2:mem:demo-test;DB_CLOSE_DELAY=-1",
        "trendcast.demo-data-files.sales=classpath:demo-fixture/online_retail_first_2000.csv.gz"})
class DemoDataLoaderTest {

    private static final Duration IMPORT_TIMEOUT = Duration.ofSeconds(120);

    @Autowired
    private DemoDataLoader loader;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void importsBothDatasetsOnceInTheBackgroundOnFirstStart() throws InterruptedException {
        awaitMarker();

        Map<String, Object> sales = dataset(DemoDataLoader.SALES_NAME);
        assertThat(sales).containsEntry("KIND", "SALES").containsEntry("STATUS", "READY")
                .containsEntry("USERNAME", "admin").containsEntry("SHARED", false)
                .containsEntry("ROWS_IMPORTED", 2_000L).containsEntry("ROWS_REJECTED", 0L);
        Number netUnits = jdbc.queryForObject("select sum(units) from sales_daily where dataset_id = ?", Number.class,
                sales.get("ID"));
        assertThat(netUnits.longValue()).isEqualTo(20_874);

        List<Map<String, Object>> products = jdbc.queryForList("select sku, name, category1, category2, category3"
                + " from product where dataset_id = ?", sales.get("ID"));
        assertThat(products).hasSize(595);
        OnlineRetailCategories rule = new OnlineRetailCategories();
        for (Map<String, Object> product : products) {
            List<String> expected = rule.categoryPath((String) product.get("SKU"), (String) product.get("NAME"));
            List<Object> stored = Stream.of("CATEGORY1", "CATEGORY2", "CATEGORY3").map(product::get)
                    .filter(Objects::nonNull).toList();
            assertThat(stored).as("%s", product).isEqualTo(expected).doesNotContain(SalesRowHandler.UNCATEGORISED);
        }

        Map<String, Object> sessions = dataset(DemoDataLoader.SESSIONS_NAME);
        assertThat(sessions).containsEntry("KIND", "SESSIONS").containsEntry("STATUS", "READY")
                .containsEntry("USERNAME", "admin").containsEntry("SHARED", true);
        assertThat(jdbc.queryForObject("select count(*) from session_record where dataset_id = ?", Long.class,
                sessions.get("ID"))).isEqualTo(12_330L);

        assertThat(loader.importIfFirstStart()).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from dataset", Long.class)).isEqualTo(2L);
    }

    @Test
    void withoutTheMarkerStillSkipsADatabaseThatHasDatasets() throws InterruptedException {
        awaitMarker();
        jdbc.update("delete from app_state where state_key = ?", DemoDataLoader.MARKER);
        try {
            assertThat(loader.importIfFirstStart()).isFalse();
            assertThat(jdbc.queryForObject("select count(*) from dataset", Long.class)).isEqualTo(2L);
        } finally {
            jdbc.update("insert into app_state (state_key, state_value, updated_at) values (?, 'restored',"
                    + " current_timestamp)", DemoDataLoader.MARKER);
        }
    }

    private void awaitMarker() throws InterruptedException {
        long deadline = System.nanoTime() + IMPORT_TIMEOUT.toNanos();
        while (jdbc.queryForObject("select count(*) from app_state where state_key = ?", Long.class,
                DemoDataLoader.MARKER) == 0) {
            assertThat(System.nanoTime()).as("demo import finished within %s", IMPORT_TIMEOUT).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private Map<String, Object> dataset(String name) {
        return jdbc.queryForMap("select d.id, d.kind, d.status, d.shared, d.rows_imported, d.rows_rejected,"
                + " u.username from dataset d left join app_user u on u.id = d.owner_id where d.name = ?", name);
    }
}
