package com.trendcast.sales;

import com.trendcast.audit.AuditService;
import com.trendcast.common.UserFacingException;
import com.trendcast.security.AccessScope;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.List;

/**
 * Sales per category, sub-category or product for headless callers, computed by the same analytics as the
 * {@code /sales} view. A request naming a category outside the caller's scope is refused and audited instead
 * of quietly answering with nothing, so an attempt to read another manager's data leaves a trace.
 */
@Service
public class SalesBreakdownService {

    public static final int MAX_PRODUCTS = 1000;

    private final SalesAnalyticsService analytics;
    private final AuditService audit;

    SalesBreakdownService(SalesAnalyticsService analytics, AuditService audit) {
        this.analytics = analytics;
        this.audit = audit;
    }

    /**
     * @param from     first day, or null for one year before {@code to}
     * @param to       last day, or null for the last day with sales
     * @param category a top-level category to limit the breakdown to; required for {@link SalesLevel#SUBCATEGORY}
     * @param limit    at most this many products (1 to {@link #MAX_PRODUCTS}); ignored for categories
     */
    public SalesBreakdown breakdown(AccessScope scope, SalesLevel level, LocalDate from, LocalDate to,
                                    String category, int limit) {
        String wanted = category == null || category.isBlank() ? null : category.strip();
        if (wanted != null && !scope.canSeeCategory(wanted)) {
            audit.record(scope.username(), "access.denied", "sales of category '" + wanted + "'");
            throw new UserFacingException("sales.category.denied", wanted);
        }
        if (level == SalesLevel.SUBCATEGORY && wanted == null) {
            throw new UserFacingException("sales.level.needsCategory");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new UserFacingException("sales.range.invalid", from, to);
        }
        if (limit < 1 || limit > MAX_PRODUCTS) {
            throw new UserFacingException("sales.limit.invalid", MAX_PRODUCTS);
        }
        List<String> path = wanted == null || level == SalesLevel.CATEGORY ? List.of() : List.of(wanted);
        SalesAnalytics result = analytics.analyse(scope, new SalesFilter(from, to, path, null, null), limit);
        List<SalesAnalytics.Slice> rows = switch (level) {
            case CATEGORY -> result.breakdown().stream()
                    .filter(slice -> wanted == null || slice.key().equals(wanted)).toList();
            // Data without a second category level has no sub-categories to list (the analytics fall back to products).
            case SUBCATEGORY -> result.breakdownIsProducts() ? List.of() : result.breakdown();
            case PRODUCT -> result.topProducts();
        };
        return new SalesBreakdown(level, wanted, result.from(), result.to(), rows);
    }
}
