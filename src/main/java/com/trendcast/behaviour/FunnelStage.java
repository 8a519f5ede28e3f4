package com.trendcast.behaviour;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The three steps of the shopping funnel. Files name event types in many ways (RetailRocket's
 * {@code addtocart} and {@code transaction}, Taobao's {@code pv} and {@code buy}, GA's {@code page_view},
 * Chinese exports' 加购 and 下单), so a raw type is matched after dropping case, spaces, hyphens and
 * underscores; types that match no step (favourites, removals, ...) stay out of the funnel and are shown
 * as such.
 */
public enum FunnelStage {
    VIEW, CART, PURCHASE;

    private static final Map<String, FunnelStage> SYNONYMS = Map.ofEntries(
            Map.entry("view", VIEW), Map.entry("views", VIEW), Map.entry("pageview", VIEW), Map.entry("pv", VIEW),
            Map.entry("productview", VIEW), Map.entry("viewitem", VIEW), Map.entry("detail", VIEW),
            Map.entry("itemview", VIEW), Map.entry("浏览", VIEW), Map.entry("查看", VIEW), Map.entry("点击", VIEW),
            Map.entry("cart", CART), Map.entry("addtocart", CART), Map.entry("addcart", CART),
            Map.entry("addtobasket", CART), Map.entry("basket", CART), Map.entry("加购", CART),
            Map.entry("加入购物车", CART), Map.entry("加购物车", CART), Map.entry("购物车", CART),
            Map.entry("purchase", PURCHASE), Map.entry("purchased", PURCHASE), Map.entry("transaction", PURCHASE),
            Map.entry("buy", PURCHASE), Map.entry("order", PURCHASE), Map.entry("paid", PURCHASE),
            Map.entry("pay", PURCHASE), Map.entry("payment", PURCHASE), Map.entry("购买", PURCHASE),
            Map.entry("下单", PURCHASE), Map.entry("支付", PURCHASE), Map.entry("成交", PURCHASE));

    /** The step a raw event type stands for, if any. */
    public static Optional<FunnelStage> of(String rawType) {
        if (rawType == null) {
            return Optional.empty();
        }
        String key = rawType.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]+", "");
        return Optional.ofNullable(SYNONYMS.get(key));
    }
}
