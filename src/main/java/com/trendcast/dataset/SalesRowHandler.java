package com.trendcast.dataset;

import com.trendcast.common.SafeText;
import com.trendcast.dataset.read.Row;
import com.trendcast.dataset.read.mapping.CategoryPaths;
import com.trendcast.dataset.read.mapping.LogicalField;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Aggregates sales lines to the stored grain, one row per product, day, region and channel. Only the
 * aggregates are held (at most the size of the output), never the input lines.
 */
final class SalesRowHandler implements RowHandler {

    static final String UNCATEGORISED = "Uncategorised";
    private static final int MAX_SKU = 100;
    private static final int MAX_REGION = 200;
    private static final int MAX_CHANNEL = 100;
    private static final int MAX_NAME = 500;
    private static final int MAX_CATEGORY = 200;
    private static final int CATEGORY_LEVELS = 3;

    record DayKey(String sku, LocalDate date, String region, String channel) {
    }

    /**
     * Running sums of one day key. Order ids are counted through 64-bit fingerprints, not kept as
     * strings: when nearly every line is its own day key (per-period files), millions of retained id
     * strings would not fit the heap, and a fingerprint collision among one day's orders is negligible.
     */
    static final class DayTotals {
        double units;
        double revenue;
        int lines;
        int promotedLines;
        double visits;
        boolean visitsKnown;
        private boolean hasOrder;
        private long firstOrder;
        private Set<Long> moreOrders;

        void addOrder(String orderId) {
            long fingerprint = fingerprint(orderId);
            if (!hasOrder) {
                hasOrder = true;
                firstOrder = fingerprint;
            } else if (firstOrder != fingerprint) {
                if (moreOrders == null) {
                    moreOrders = new HashSet<>(4);
                }
                moreOrders.add(fingerprint);
            }
        }

        /** Distinct order ids, or the number of lines when the file has no order id. */
        int orders() {
            if (!hasOrder) {
                return lines;
            }
            return 1 + (moreOrders == null ? 0 : moreOrders.size());
        }

        /** FNV-1a over the UTF-16 code units, 64 bits. */
        static long fingerprint(String text) {
            long hash = 0xcbf29ce484222325L;
            for (int i = 0; i < text.length(); i++) {
                hash ^= text.charAt(i);
                hash *= 0x100000001b3L;
            }
            return hash;
        }
    }

    /** Also the one shared instance of its SKU, so the day keys of a product do not each hold a copy. */
    static final class ProductInfo {
        final String sku;
        String name;
        List<String> categories;

        ProductInfo(String sku) {
            this.sku = sku;
        }
    }

    private final ResolvedMapping mapping;
    private final ReturnsPolicy returns;
    private final CategoryRule categoryRule;
    private final DatasetStore store;
    private final Long datasetId;
    private final Map<DayKey, DayTotals> days = new HashMap<>();
    private final Map<String, ProductInfo> products = new LinkedHashMap<>();
    private final Map<String, String> labels = new HashMap<>();
    /** One instance per calendar day, shared by all day keys of that day. */
    private final Map<LocalDate, LocalDate> calendarDays = new HashMap<>();
    private final boolean categorised;
    /** First-level categories rows may have; null for any. */
    private final Set<String> allowedCategories;
    private BigDecimal totalUnits = BigDecimal.ZERO;
    private BigDecimal totalRevenue = BigDecimal.ZERO;

    /**
     * @param datasetId         where to store the result; null to only check the file
     * @param allowedCategories first-level categories rows may have (see {@link ImportRequest#categories()}); null
     *                          for any
     */
    SalesRowHandler(ResolvedMapping mapping, ReturnsPolicy returns, CategoryRule categoryRule, DatasetStore store,
                    Long datasetId, Set<String> allowedCategories) {
        this.mapping = mapping;
        this.allowedCategories = allowedCategories;
        this.returns = returns;
        this.categoryRule = categoryRule;
        this.store = store;
        this.datasetId = datasetId;
        this.categorised = mapping.has(LogicalField.CATEGORY_PATH) || mapping.has(LogicalField.CATEGORY1);
    }

    @Override
    public Outcome accept(Row row) throws RowRejected {
        LocalDate date = calendarDays.computeIfAbsent(mapping.requiredDate(row, LogicalField.DATE), day -> day);
        String sku = mapping.requiredText(row, LogicalField.SKU, MAX_SKU);
        BigDecimal units = mapping.requiredNumber(row, LogicalField.UNITS);
        BigDecimal revenue = mapping.has(LogicalField.REVENUE)
                ? mapping.requiredNumber(row, LogicalField.REVENUE)
                : units.multiply(mapping.requiredNumber(row, LogicalField.UNIT_PRICE));
        String region = label(mapping.text(row, LogicalField.REGION, MAX_REGION));
        String channel = label(mapping.text(row, LogicalField.CHANNEL, MAX_CHANNEL));
        String orderId = mapping.text(row, LogicalField.ORDER_ID, Integer.MAX_VALUE);
        Boolean promoted = mapping.flag(row, LogicalField.PROMOTION);
        BigDecimal visits = mapping.number(row, LogicalField.VISITS);
        List<String> categories = categorised ? categories(row) : List.of();
        checkCategoryAllowed(row, sku, categories);

        boolean isReturn = units.signum() < 0 || isCancellation(orderId);
        if (isReturn && returns == ReturnsPolicy.DROP) {
            return Outcome.RETURN_DROPPED;
        }
        ProductInfo product = products.computeIfAbsent(sku, ProductInfo::new);
        if (product.name == null) {
            product.name = SafeText.cleanAndLimit(mapping.text(row, LogicalField.PRODUCT_NAME, Integer.MAX_VALUE),
                    MAX_NAME);
        }
        if (product.categories == null && !categories.isEmpty()) {
            product.categories = categories;
        }
        DayTotals day = days.computeIfAbsent(new DayKey(product.sku, date, region, channel), key -> new DayTotals());
        day.units += units.doubleValue();
        day.revenue += revenue.doubleValue();
        day.lines++;
        if (Boolean.TRUE.equals(promoted)) {
            day.promotedLines++;
        }
        if (visits != null) {
            day.visits += visits.doubleValue();
            day.visitsKnown = true;
        }
        if (orderId != null) {
            day.addOrder(orderId);
        }
        totalUnits = totalUnits.add(units);
        totalRevenue = totalRevenue.add(revenue);
        return isReturn ? Outcome.RETURN_IMPORTED : Outcome.IMPORTED;
    }

    /**
     * Rejects a row whose first-level category, its own or the one the product would get without it, is not among
     * the allowed ones.
     */
    private void checkCategoryAllowed(Row row, String sku, List<String> categories) throws RowRejected {
        if (allowedCategories == null) {
            return;
        }
        String category = categories.isEmpty()
                ? fallbackPath(sku, mapping.text(row, LogicalField.PRODUCT_NAME, Integer.MAX_VALUE)).get(0)
                : categories.get(0);
        if (!allowedCategories.contains(category)) {
            String column = mapping.has(LogicalField.CATEGORY_PATH) ? mapping.columnName(LogicalField.CATEGORY_PATH)
                    : mapping.has(LogicalField.CATEGORY1) ? mapping.columnName(LogicalField.CATEGORY1) : "";
            throw new RowRejected(new RowProblem(row.number(), column, category,
                    "import.reject.categoryNotYours", List.of(category)));
        }
    }

    /** UCI style cancellations: an invoice number of "C" followed by digits. */
    static boolean isCancellation(String orderId) {
        return orderId != null && orderId.length() > 1 && (orderId.charAt(0) == 'C' || orderId.charAt(0) == 'c')
                && Character.isDigit(orderId.charAt(1));
    }

    private List<String> categories(Row row) throws RowRejected {
        List<String> levels = new ArrayList<>(CATEGORY_LEVELS);
        if (mapping.has(LogicalField.CATEGORY_PATH)) {
            String path = mapping.text(row, LogicalField.CATEGORY_PATH, Integer.MAX_VALUE);
            if (path != null) {
                levels.addAll(CategoryPaths.split(path));
            }
        } else {
            for (LogicalField level : List.of(LogicalField.CATEGORY1, LogicalField.CATEGORY2, LogicalField.CATEGORY3)) {
                String value = mapping.text(row, level, Integer.MAX_VALUE);
                if (value == null) {
                    break;
                }
                levels.add(value);
            }
        }
        return levels.stream().limit(CATEGORY_LEVELS).map(level -> SafeText.cleanAndLimit(level, MAX_CATEGORY))
                .toList();
    }

    /** Regions and channels repeat on every line; one shared instance each keeps the day keys small. */
    private String label(String value) {
        String text = value == null ? "" : value;
        return labels.computeIfAbsent(text, key -> key);
    }

    @Override
    public void finish() {
        if (datasetId == null) {
            return;
        }
        List<DatasetStore.ProductRow> productRows = new ArrayList<>(products.size());
        products.forEach((sku, info) -> productRows.add(new DatasetStore.ProductRow(sku, info.name,
                categoryPath(sku, info))));
        Map<String, DatasetStore.StoredProduct> stored = store.insertProducts(datasetId, productRows);
        store.insertSalesDays(datasetId, days, stored);
    }

    private List<String> categoryPath(String sku, ProductInfo info) {
        return info.categories == null || info.categories.isEmpty() ? fallbackPath(sku, info.name) : info.categories;
    }

    /** The category path of a product without one in the file: the category rule's, else {@value #UNCATEGORISED}. */
    private List<String> fallbackPath(String sku, String name) {
        List<String> path = categoryRule == null ? null : categoryRule.categoryPath(sku, name == null ? "" : name);
        if (path == null || path.isEmpty()) {
            return List.of(UNCATEGORISED);
        }
        return path.stream().limit(CATEGORY_LEVELS).map(level -> SafeText.cleanAndLimit(level, MAX_CATEGORY))
                .toList();
    }

    @Override
    public Map<String, BigDecimal> totals() {
        return Map.of("units", totalUnits, "revenue", totalRevenue);
    }
}
