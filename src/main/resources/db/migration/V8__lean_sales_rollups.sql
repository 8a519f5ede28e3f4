-- Day-level rollups split by region or channel at the deepest category level are no longer kept (see
-- com.trendcast.sales.SalesRollups): they were nearly twice the size of sales_daily and made every import
-- spend minutes summing them. Their queries fix two category levels and read sales_daily through the new
-- sub-category index instead. Every other slice keeps exactly the rows it had, so imported datasets need no
-- other re-derivation.
delete from sales_rollup where bucket = 'D' and depth = 3 and breakdown <> 0;

-- A drill path fixes category1 and category2 before the date range: index them ahead of the day, so a drill
-- reads its category's rows instead of every category's rows of the range.
drop index ix_sales_rollup_slice;
create index ix_sales_rollup_slice on sales_rollup (dataset_id, bucket, breakdown, depth, region, channel, category1, category2, period_start);

create index ix_sales_subcategory_date on sales_daily (category1, category2, sale_date);

-- Counted up by every rollup rebuild of the dataset: cached analytics answers are keyed by it.
alter table dataset add column rollup_version bigint default 0 not null;
