package com.trendcast.pipeline.spec;

/** Drivers stored next to the sales that a pipeline may carry along as covariates. */
public enum DataCovariate {
    AVG_PRICE("avg_price"),
    PROMO_SHARE("promo_share"),
    VISITS("visits");

    private final String column;

    DataCovariate(String column) {
        this.column = column;
    }

    /** Column of {@code sales_daily}, also used as the feature and covariate name. */
    public String column() {
        return column;
    }
}
