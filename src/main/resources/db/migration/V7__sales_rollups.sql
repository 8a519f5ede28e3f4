-- Pre-summed sales for the analytics (see com.trendcast.sales.SalesRollups): without the product, per day
-- ('D') and per month ('M'), the category path down to `depth` levels, split by region and/or channel as
-- `breakdown` says (0 none, 1 region, 2 channel, 3 both; a column not split holds ''). Written in the import
-- transaction and deleted with the dataset.
create table sales_rollup (
    dataset_id    bigint           not null references dataset (id) on delete cascade,
    bucket        char(1)          not null,
    breakdown     smallint         not null,
    depth         smallint         not null,
    region        varchar(200)     not null,
    channel       varchar(100)     not null,
    period_start  date             not null,
    category1     varchar(200)     not null,
    category2     varchar(200),
    category3     varchar(200),
    revenue       double precision not null,
    units         double precision not null,
    orders        bigint           not null,
    promo_revenue double precision not null,
    constraint ck_sales_rollup_bucket check (bucket in ('D', 'M'))
);

-- A query reads one slice (dataset, bucket, breakdown, depth), optionally one region/channel, over a date range.
create index ix_sales_rollup_slice on sales_rollup (dataset_id, bucket, breakdown, depth, region, channel, period_start);

-- Monthly sums per product for the top-product lists, split like sales_rollup.
create table sales_rollup_product (
    dataset_id  bigint           not null references dataset (id) on delete cascade,
    breakdown   smallint         not null,
    region      varchar(200)     not null,
    channel     varchar(100)     not null,
    month_start date             not null,
    product_id  bigint           not null references product (id) on delete cascade,
    category1   varchar(200)     not null,
    category2   varchar(200),
    category3   varchar(200),
    revenue     double precision not null,
    units       double precision not null
);

create index ix_sales_rollup_product_slice on sales_rollup_product (dataset_id, breakdown, region, channel, month_start);
create index ix_sales_rollup_product_product on sales_rollup_product (product_id);

-- Sales imported before this migration: the same statements SalesRollups.rebuild runs per dataset.
insert into sales_rollup (dataset_id, bucket, breakdown, depth, region, channel, period_start, category1, category2, category3, revenue, units, orders, promo_revenue) select dataset_id, 'D', 3, 3, region, channel, sale_date, category1, category2, category3, sum(revenue), sum(units), sum(orders), sum(revenue * coalesce(promo_share, 0)) from sales_daily group by dataset_id, region, channel, sale_date, category1, category2, category3;

insert into sales_rollup (dataset_id, bucket, breakdown, depth, region, channel, period_start, category1, category2, category3, revenue, units, orders, promo_revenue) select dataset_id, 'D', 1, 3, region, '', period_start, category1, category2, category3, sum(revenue), sum(units), sum(orders), sum(promo_revenue) from sales_rollup where bucket = 'D' and breakdown = 3 and depth = 3 group by dataset_id, period_start, category1, region, category2, category3;

insert into sales_rollup (dataset_id, bucket, breakdown, depth, region, channel, period_start, category1, category2, category3, revenue, units, orders, promo_revenue) select dataset_id, 'D', 2, 3, '', channel, period_start, category1, category2, category3, sum(revenue), sum(units), sum(orders), sum(promo_revenue) from sales_rollup where bucket = 'D' and breakdown = 3 and depth = 3 group by dataset_id, period_start, category1, channel, category2, category3;

insert into sales_rollup (dataset_id, bucket, breakdown, depth, region, channel, period_start, category1, category2, category3, revenue, units, orders, promo_revenue) select dataset_id, 'D', 0, 3, '', '', period_start, category1, category2, category3, sum(revenue), sum(units), sum(orders), sum(promo_revenue) from sales_rollup where bucket = 'D' and breakdown = 1 and depth = 3 group by dataset_id, period_start, category1, category2, category3;

insert into sales_rollup (dataset_id, bucket, breakdown, depth, region, channel, period_start, category1, category2, category3, revenue, units, orders, promo_revenue) select dataset_id, 'D', 1, 2, region, '', period_start, category1, category2, cast(null as varchar(200)), sum(revenue), sum(units), sum(orders), sum(promo_revenue) from sales_rollup where bucket = 'D' and breakdown = 1 and depth = 3 group by dataset_id, period_start, category1, region, category2;

insert into sales_rollup (dataset_id, bucket, breakdown, depth, region, channel, period_start, category1, category2, category3, revenue, units, orders, promo_revenue) select dataset_id, 'D', 2, 2, '', channel, period_start, category1, category2, cast(null as varchar(200)), sum(revenue), sum(units), sum(orders), sum(promo_revenue) from sales_rollup where bucket = 'D' and breakdown = 2 and depth = 3 group by dataset_id, period_start, category1, channel, category2;

insert into sales_rollup (dataset_id, bucket, breakdown, depth, region, channel, period_start, category1, category2, category3, revenue, units, orders, promo_revenue) select dataset_id, 'D', 0, 2, '', '', period_start, category1, category2, cast(null as varchar(200)), sum(revenue), sum(units), sum(orders), sum(promo_revenue) from sales_rollup where bucket = 'D' and breakdown = 0 and depth = 3 group by dataset_id, period_start, category1, category2;

insert into sales_rollup (dataset_id, bucket, breakdown, depth, region, channel, period_start, category1, category2, category3, revenue, units, orders, promo_revenue) select dataset_id, 'D', 3, 2, region, channel, period_start, category1, category2, cast(null as varchar(200)), sum(revenue), sum(units), sum(orders), sum(promo_revenue) from sales_rollup where bucket = 'D' and breakdown = 3 and depth = 3 group by dataset_id, period_start, category1, region, channel, category2;

insert into sales_rollup (dataset_id, bucket, breakdown, depth, region, channel, period_start, category1, category2, category3, revenue, units, orders, promo_revenue) select dataset_id, 'D', 1, 1, region, '', period_start, category1, cast(null as varchar(200)), cast(null as varchar(200)), sum(revenue), sum(units), sum(orders), sum(promo_revenue) from sales_rollup where bucket = 'D' and breakdown = 1 and depth = 2 group by dataset_id, period_start, category1, region;

insert into sales_rollup (dataset_id, bucket, breakdown, depth, region, channel, period_start, category1, category2, category3, revenue, units, orders, promo_revenue) select dataset_id, 'D', 2, 1, '', channel, period_start, category1, cast(null as varchar(200)), cast(null as varchar(200)), sum(revenue), sum(units), sum(orders), sum(promo_revenue) from sales_rollup where bucket = 'D' and breakdown = 2 and depth = 2 group by dataset_id, period_start, category1, channel;

insert into sales_rollup (dataset_id, bucket, breakdown, depth, region, channel, period_start, category1, category2, category3, revenue, units, orders, promo_revenue) select dataset_id, 'D', 0, 1, '', '', period_start, category1, cast(null as varchar(200)), cast(null as varchar(200)), sum(revenue), sum(units), sum(orders), sum(promo_revenue) from sales_rollup where bucket = 'D' and breakdown = 0 and depth = 2 group by dataset_id, period_start, category1;

insert into sales_rollup (dataset_id, bucket, breakdown, depth, region, channel, period_start, category1, category2, category3, revenue, units, orders, promo_revenue) select dataset_id, 'D', 3, 1, region, channel, period_start, category1, cast(null as varchar(200)), cast(null as varchar(200)), sum(revenue), sum(units), sum(orders), sum(promo_revenue) from sales_rollup where bucket = 'D' and breakdown = 3 and depth = 2 group by dataset_id, period_start, category1, region, channel;

insert into sales_rollup (dataset_id, bucket, breakdown, depth, region, channel, period_start, category1, category2, category3, revenue, units, orders, promo_revenue) select dataset_id, 'M', breakdown, depth, region, channel, cast(date_trunc('month', period_start) as date), category1, category2, category3, sum(revenue), sum(units), sum(orders), sum(promo_revenue) from sales_rollup where bucket = 'D' group by dataset_id, breakdown, depth, region, channel, cast(date_trunc('month', period_start) as date), category1, category2, category3;

insert into sales_rollup_product (dataset_id, breakdown, region, channel, month_start, product_id, category1, category2, category3, revenue, units) select dataset_id, 3, region, channel, cast(date_trunc('month', sale_date) as date), product_id, category1, category2, category3, sum(revenue), sum(units) from sales_daily group by dataset_id, region, channel, cast(date_trunc('month', sale_date) as date), product_id, category1, category2, category3;

insert into sales_rollup_product (dataset_id, breakdown, region, channel, month_start, product_id, category1, category2, category3, revenue, units) select dataset_id, 0, '', '', month_start, product_id, category1, category2, category3, sum(revenue), sum(units) from sales_rollup_product where breakdown = 3 group by dataset_id, month_start, product_id, category1, category2, category3;

insert into sales_rollup_product (dataset_id, breakdown, region, channel, month_start, product_id, category1, category2, category3, revenue, units) select dataset_id, 1, region, '', month_start, product_id, category1, category2, category3, sum(revenue), sum(units) from sales_rollup_product where breakdown = 3 group by dataset_id, month_start, product_id, category1, category2, category3, region;

insert into sales_rollup_product (dataset_id, breakdown, region, channel, month_start, product_id, category1, category2, category3, revenue, units) select dataset_id, 2, '', channel, month_start, product_id, category1, category2, category3, sum(revenue), sum(units) from sales_rollup_product where breakdown = 3 group by dataset_id, month_start, product_id, category1, category2, category3, channel;

