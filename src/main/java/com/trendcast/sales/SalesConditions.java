package com.trendcast.sales;

import com.trendcast.security.AccessScope;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The conditions every query of {@code sales_daily} (alias {@code s}) needs: the caller's categories
 * first, so no filter can widen them, then a category path prefix, a region and a channel. One place,
 * so the overview, the analytics, pipelines and exports cannot disagree about what a manager may see.
 */
public final class SalesConditions {

    public static final List<String> CATEGORY_COLUMNS = List.of("s.category1", "s.category2", "s.category3");

    private SalesConditions() {
    }

    /**
     * The scope to query a range of days from the daily table with, as one scope per category for a manager of
     * several categories without a drill path, else the scope itself. H2 cannot bound an index by an IN list and a
     * date range together and would read every day of those categories; one query per category reads only the range.
     * Callers sum the answers, which stays exact because every product belongs to one category.
     */
    public static List<AccessScope> perCategory(AccessScope scope, List<String> categoryPath) {
        if (scope.admin() || scope.categories().size() < 2 || !categoryPath.isEmpty()) {
            return List.of(scope);
        }
        return new TreeSet<>(scope.categories()).stream()
                .map(category -> new AccessScope(scope.username(), false, Set.of(category)))
                .toList();
    }

    /** {@code " and ..."} conditions, with their parameters added to {@code params}; null filters match all. */
    public static String of(AccessScope scope, List<String> categoryPath, String region, String channel,
                            MapSqlParameterSource params) {
        StringBuilder sql = new StringBuilder();
        if (!scope.admin()) {
            if (scope.categories().isEmpty()
                    || !categoryPath.isEmpty() && !scope.categories().contains(categoryPath.get(0))) {
                sql.append(" and 1 = 0");
            } else if (categoryPath.isEmpty() && scope.categories().size() == 1) {
                // H2 cannot bound an index by an IN list and a date range together: one category needs no list.
                sql.append(" and s.category1 = :scopeCategory");
                params.addValue("scopeCategory", scope.categories().iterator().next());
            } else if (categoryPath.isEmpty()) {
                sql.append(" and s.category1 in (:scopeCategories)");
                params.addValue("scopeCategories", scope.categories());
            }
            // A path that starts in one of the caller's categories already limits category1 to it below.
        }
        for (int level = 0; level < categoryPath.size(); level++) {
            sql.append(" and ").append(CATEGORY_COLUMNS.get(level)).append(" = :categoryLevel").append(level);
            params.addValue("categoryLevel" + level, categoryPath.get(level));
        }
        if (region != null) {
            sql.append(" and s.region = :region");
            params.addValue("region", region);
        }
        if (channel != null) {
            sql.append(" and s.channel = :channel");
            params.addValue("channel", channel);
        }
        return sql.toString();
    }
}
