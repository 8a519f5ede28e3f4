package com.trendcast.dataset.read.mapping;

import java.util.List;

/**
 * A field of our data model that a source column can be mapped to, with the header names (English and
 * Chinese, most specific first) that suggest it and the content it must have.
 */
public enum LogicalField {
    DATE(DatasetKind.SALES, "date", Content.DATE, "orderdate", "invoicedate", "date", "transactiondate", "saledate",
            "day", "订单日期", "下单日期", "销售日期", "交易日期", "日期", "下单时间", "时间"),
    SKU(DatasetKind.SALES, "sku", Content.TEXT, "sku", "stockcode", "productid", "itemid", "itemcode", "productcode",
            "articleid", "商品编号", "商品id", "商品编码", "货号", "产品编号"),
    PRODUCT_NAME(DatasetKind.SALES, "productName", Content.TEXT, "productname", "description", "itemname", "product",
            "title", "商品名称", "商品名", "产品名称", "品名", "商品标题"),
    CATEGORY_PATH(DatasetKind.SALES, "categoryPath", Content.TEXT, "categorypath", "categoryhierarchy", "类目路径",
            "品类路径"),
    CATEGORY1(DatasetKind.SALES, "category1", Content.TEXT, "category1", "categorylevel1", "maincategory", "category",
            "一级类目", "一级品类", "类目", "品类", "大类", "类别"),
    CATEGORY2(DatasetKind.SALES, "category2", Content.TEXT, "category2", "categorylevel2", "subcategory", "二级类目",
            "二级品类", "子类目", "中类"),
    CATEGORY3(DatasetKind.SALES, "category3", Content.TEXT, "category3", "categorylevel3", "subsubcategory", "三级类目",
            "三级品类", "小类"),
    REGION(DatasetKind.SALES, "region", Content.TEXT, "region", "store", "storeid", "shop", "country", "area", "门店",
            "地区", "区域", "店铺", "国家", "省份"),
    CHANNEL(DatasetKind.SALES, "channel", Content.TEXT, "channel", "saleschannel", "platform", "渠道", "销售渠道", "平台"),
    UNITS(DatasetKind.SALES, "units", Content.NUMBER, "quantity", "qty", "units", "unitssold", "volume", "数量", "销量",
            "销售数量", "件数", "购买数量"),
    REVENUE(DatasetKind.SALES, "revenue", Content.NUMBER, "revenue", "sales", "salesamount", "amount", "totalprice",
            "turnover", "gmv", "销售额", "成交金额", "销售金额", "金额", "营业额", "实付金额"),
    UNIT_PRICE(DatasetKind.SALES, "unitPrice", Content.NUMBER, "unitprice", "price", "sellingprice", "单价", "商品单价",
            "售价", "价格"),
    PROMOTION(DatasetKind.SALES, "promotion", Content.NUMBER_OR_FLAG, "promotion", "promo", "discount", "onpromotion",
            "折扣", "促销", "是否促销", "优惠"),
    HOLIDAY(DatasetKind.SALES, "holiday", Content.TEXT, "holiday", "isholiday", "stateholiday", "节假日", "是否节假日", "假日"),
    VISITS(DatasetKind.SALES, "visits", Content.NUMBER, "visits", "pageviews", "views", "traffic", "访问量", "浏览量",
            "访客数", "流量"),
    ORDER_ID(DatasetKind.SALES, "orderId", Content.TEXT, "orderid", "invoiceno", "invoice", "invoiceid", "orderno",
            "ordernumber", "订单号", "订单编号", "订单id"),
    CUSTOMER_ID(DatasetKind.SALES, "customerId", Content.TEXT, "customerid", "clientid", "memberid", "buyerid",
            "customer", "客户id", "会员id", "客户编号", "买家id", "用户id"),

    LABEL(DatasetKind.SESSIONS, "label", Content.FLAG, "revenue", "purchased", "purchase", "converted", "conversion",
            "label", "target", "bought", "是否购买", "是否转化", "转化", "购买"),

    TIMESTAMP(DatasetKind.EVENTS, "timestamp", Content.DATE, "timestamp", "eventtime", "datetime", "time", "date",
            "eventdate", "时间戳", "事件时间", "时间", "日期"),
    USER_ID(DatasetKind.EVENTS, "userId", Content.TEXT, "userid", "visitorid", "visitor", "user", "customerid",
            "用户id", "访客id", "用户"),
    SESSION_ID(DatasetKind.EVENTS, "sessionId", Content.TEXT, "sessionid", "session", "会话id", "会话"),
    ITEM(DatasetKind.EVENTS, "item", Content.TEXT, "itemid", "item", "productid", "sku", "商品编号", "商品id"),
    EVENT_TYPE(DatasetKind.EVENTS, "eventType", Content.TEXT, "eventtype", "event", "action", "behaviortype",
            "behavior", "事件类型", "行为类型", "行为", "事件"),
    EVENT_CATEGORY(DatasetKind.EVENTS, "category", Content.TEXT, "categoryid", "category", "类目", "品类");

    /** What a column's values must look like to be accepted for a field. */
    enum Content { TEXT, NUMBER, DATE, FLAG, NUMBER_OR_FLAG }

    private final DatasetKind kind;
    private final String key;
    private final Content content;
    private final List<String> synonyms;

    LogicalField(DatasetKind kind, String key, Content content, String... synonyms) {
        this.kind = kind;
        this.key = key;
        this.content = content;
        this.synonyms = List.of(synonyms);
    }

    public DatasetKind kind() {
        return kind;
    }

    /** The name used in {@link ColumnMapping#fields()} and in saved mapping templates. */
    public String key() {
        return key;
    }

    Content content() {
        return content;
    }

    /** Normalized header names (see {@link HeaderNames}), most specific first. */
    List<String> synonyms() {
        return synonyms;
    }
}
