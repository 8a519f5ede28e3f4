package com.trendcast.behaviour;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FunnelStageTest {

    @Test
    void rawTypesOfCommonExportsMapToTheirStep() {
        assertThat(FunnelStage.of("page_view")).contains(FunnelStage.VIEW);
        assertThat(FunnelStage.of("pv")).contains(FunnelStage.VIEW);
        assertThat(FunnelStage.of("Add-To-Cart")).contains(FunnelStage.CART);
        assertThat(FunnelStage.of(" addtocart ")).contains(FunnelStage.CART);
        assertThat(FunnelStage.of("加购")).contains(FunnelStage.CART);
        assertThat(FunnelStage.of("TRANSACTION")).contains(FunnelStage.PURCHASE);
        assertThat(FunnelStage.of("buy")).contains(FunnelStage.PURCHASE);
        assertThat(FunnelStage.of("下单")).contains(FunnelStage.PURCHASE);
    }

    @Test
    void otherTypesStayOutOfTheFunnel() {
        assertThat(FunnelStage.of("fav")).isEmpty();
        assertThat(FunnelStage.of("remove_from_cart")).isEmpty();
        assertThat(FunnelStage.of(null)).isEmpty();
    }
}
