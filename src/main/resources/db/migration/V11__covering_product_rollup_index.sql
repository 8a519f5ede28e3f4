-- Top-product lists sum product_id, revenue and units over a range of months of one sales_rollup_product slice,
-- often filtered by category. With those columns in the slice index, H2 answers them from the index alone instead
-- of fetching every row of the range to read them or to test its category: on the 1M-row benchmark data a cold
-- (first) category product list takes about half the time. category3 stays out: with region, channel and three
-- categories of 200 characters, a PostgreSQL index entry could pass its 2,704-byte limit and fail an import.
drop index ix_sales_rollup_product_slice;
create index ix_sales_rollup_product_slice on sales_rollup_product (dataset_id, breakdown, region, channel, month_start,
    category1, category2, product_id, revenue, units);
