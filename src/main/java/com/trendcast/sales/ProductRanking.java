package com.trendcast.sales;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * Ranks per-product sums in memory and reads the names of the winners only. Joining {@code product} to a grouped
 * subquery lets H2 push the join key into the subquery and run the whole grouping once per product (seconds on a
 * million rows), so the sums are taken without the join and the few products shown are looked up afterwards.
 */
final class ProductRanking {

    record Product(String sku, String name, String category) {

        /** The name a chart shows: the SKU where the data has no description. */
        String label() {
            return name == null || name.isBlank() ? sku : name;
        }
    }

    /** A ranked item with its product. */
    record Ranked<T>(T item, Product product) {
    }

    private ProductRanking() {
    }

    /**
     * The {@code limit} items with the highest {@code score}, with their products, ordered by score and then SKU.
     * An item whose product is gone (its dataset was deleted since the sums were read) is left out.
     */
    static <T> List<Ranked<T>> top(NamedParameterJdbcTemplate jdbc, Collection<T> items, ToLongFunction<T> id,
                                   ToDoubleFunction<T> score, int limit) {
        List<T> leaders = leaders(items, score, limit);
        Map<Long, Product> products = products(jdbc, leaders.stream().map(id::applyAsLong).toList());
        return leaders.stream()
                .filter(item -> products.containsKey(id.applyAsLong(item)))
                .map(item -> new Ranked<>(item, products.get(id.applyAsLong(item))))
                .sorted(Comparator.comparingDouble((Ranked<T> ranked) -> score.applyAsDouble(ranked.item())).reversed()
                        .thenComparing(ranked -> ranked.product().sku()))
                .limit(limit)
                .toList();
    }

    /**
     * The {@code limit} items with the highest {@code score}, plus any that tie with the last of them, so that
     * breaking ties by SKU afterwards still picks exactly the right ones.
     */
    static <T> List<T> leaders(Collection<T> items, ToDoubleFunction<T> score, int limit) {
        List<T> sorted = items.stream().sorted(Comparator.comparingDouble(score).reversed()).toList();
        if (sorted.size() <= limit) {
            return sorted;
        }
        double last = score.applyAsDouble(sorted.get(limit - 1));
        int end = limit;
        while (end < sorted.size() && score.applyAsDouble(sorted.get(end)) == last) {
            end++;
        }
        return sorted.subList(0, end);
    }

    /** SKU, name and first category level of the given product ids; an id whose dataset was deleted is missing. */
    private static Map<Long, Product> products(NamedParameterJdbcTemplate jdbc, Collection<Long> ids) {
        Map<Long, Product> products = new HashMap<>();
        if (ids.isEmpty()) {
            return products;
        }
        jdbc.query("select id, sku, name, category1 from product where id in (:ids)",
                new MapSqlParameterSource("ids", List.copyOf(ids)),
                rs -> {
                    products.put(rs.getLong(1), new Product(rs.getString(2), rs.getString(3), rs.getString(4)));
                });
        return products;
    }
}
