package com.trendcast.dataset.read.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.trendcast.dataset.read.Row;
import com.trendcast.dataset.read.value.DateFormatGuess;
import com.trendcast.dataset.read.value.DateOrder;
import com.trendcast.dataset.read.value.NumberFormatGuess;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnMappingProposerTest {

    private final ColumnMappingProposer proposer = new ColumnMappingProposer();

    private static List<Row> rows(String... lines) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            rows.add(new Row(i + 2, List.of(lines[i].split("\\|", -1))));
        }
        return rows;
    }

    @Test
    void mapsUciOnlineRetailAndDetectsReturns() {
        List<String> header = List.of("InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate",
                "UnitPrice", "CustomerID", "Country");
        List<Row> sample = rows(
                "536365|85123A|WHITE HANGING HEART T-LIGHT HOLDER|6|12/1/2010 8:26|2.55|17850|United Kingdom",
                "536366|22633|HAND WARMER UNION JACK|6|12/13/2010 8:28|1.85|17850|United Kingdom",
                "C536379|D|Discount|-1|12/1/2010 9:41|27.5|14527|United Kingdom");

        MappingProposal proposal = proposer.propose(header, sample);

        ColumnMapping mapping = proposal.mapping();
        assertThat(mapping.kind()).isEqualTo(DatasetKind.SALES);
        assertThat(mapping.fields()).containsOnly(
                entry("orderId", "InvoiceNo"), entry("sku", "StockCode"), entry("productName", "Description"),
                entry("units", "Quantity"), entry("date", "InvoiceDate"), entry("unitPrice", "UnitPrice"),
                entry("customerId", "CustomerID"), entry("region", "Country"));
        assertThat(mapping.dateFormats()).containsEntry("InvoiceDate",
                new DateFormatGuess(DateOrder.MONTH_DAY_YEAR, false, true));
        assertThat(mapping.numberFormats()).containsEntry("UnitPrice", NumberFormatGuess.DECIMAL_POINT);
        assertThat(proposal.returns().present()).isTrue();
        assertThat(proposal.returns().negativeQuantityRows()).isEqualTo(1);
        assertThat(proposal.returns().cancelledOrderRows()).isEqualTo(1);
        assertThat(proposal.unmappedColumns()).isEmpty();
    }

    @Test
    void mapsSuperstoreHeaders() {
        List<String> header = List.of("Row ID", "Order ID", "Order Date", "Ship Date", "Ship Mode", "Customer ID",
                "Segment", "Country", "City", "Region", "Product ID", "Category", "Sub-Category", "Product Name",
                "Sales", "Quantity", "Discount", "Profit");
        List<Row> sample = rows("1|CA-2016-152156|11/08/2016|11/11/2016|Second Class|CG-12520|Consumer|United States"
                + "|Henderson|South|FUR-BO-10001798|Furniture|Bookcases|Bush Somerset Collection Bookcase|261.96|2|0"
                + "|41.9136");

        ColumnMapping mapping = proposer.propose(header, sample).mapping();

        assertThat(mapping.kind()).isEqualTo(DatasetKind.SALES);
        assertThat(mapping.fields()).contains(entry("date", "Order Date"), entry("orderId", "Order ID"),
                entry("customerId", "Customer ID"), entry("region", "Region"), entry("sku", "Product ID"),
                entry("category1", "Category"), entry("category2", "Sub-Category"),
                entry("productName", "Product Name"), entry("revenue", "Sales"), entry("units", "Quantity"),
                entry("promotion", "Discount"));
        assertThat(mapping.dateFormats().get("Order Date").ambiguous()).isTrue();
    }

    @Test
    void mapsChineseHeadersAndSplitsCategoryPaths() {
        List<String> header = List.of("订单日期", "商品编号", "商品名称", "类目", "渠道", "门店", "数量", "销售额", "单价", "订单号");
        List<Row> sample = rows(
                "2024年3月5日|A001|红富士苹果|生鲜 > 水果 > 苹果|天猫|上海一店|3|29,70|9,90|T1001",
                "2024年3月6日|A002|香蕉|生鲜 > 水果 > 香蕉|京东|北京二店|1|4,50|4,50|T1002");

        MappingProposal proposal = proposer.propose(header, sample);

        assertThat(proposal.mapping().fields()).containsOnly(
                entry("date", "订单日期"), entry("sku", "商品编号"), entry("productName", "商品名称"),
                entry("categoryPath", "类目"), entry("channel", "渠道"), entry("region", "门店"),
                entry("units", "数量"), entry("revenue", "销售额"), entry("unitPrice", "单价"), entry("orderId", "订单号"));
        assertThat(proposal.mapping().numberFormats()).containsEntry("销售额", NumberFormatGuess.DECIMAL_COMMA);
        assertThat(proposal.returns().present()).isFalse();
        assertThat(CategoryPaths.split("生鲜 > 水果 > 苹果")).containsExactly("生鲜", "水果", "苹果");
    }

    @Test
    void normalisesFullWidthAndPunctuatedHeaders() {
        assertThat(HeaderNames.normalize("ＵＮＩＴ＿ＰＲＩＣＥ")).isEqualTo("unitprice");
        assertThat(HeaderNames.normalize(" Sub-Category ")).isEqualTo("subcategory");
        assertThat(HeaderNames.normalize("客户ID")).isEqualTo("客户id");
    }

    @Test
    void recognisesSessionsByBooleanLabel() {
        List<String> header = List.of("Administrative", "ProductRelated_Duration", "BounceRates", "ExitRates",
                "PageValues", "Month", "VisitorType", "Weekend", "Revenue");
        List<Row> sample = rows("0|0|0.2|0.2|0|Feb|Returning_Visitor|FALSE|FALSE",
                "2|64|0|0.1|0|Feb|Returning_Visitor|TRUE|TRUE");

        ColumnMapping mapping = proposer.propose(header, sample).mapping();

        assertThat(mapping.kind()).isEqualTo(DatasetKind.SESSIONS);
        assertThat(mapping.fields()).containsOnly(entry("label", "Revenue"));
        assertThat(mapping.featureColumns()).contains("BounceRates", "PageValues", "Weekend").doesNotContain("Revenue");
    }

    @Test
    void treatsNumericRevenueAsSales() {
        List<String> header = List.of("Store", "Date", "Sales", "Promo", "StateHoliday");
        List<Row> sample = rows("1|2015-07-31|5263|1|0", "2|2015-07-31|6064|1|0");

        ColumnMapping mapping = proposer.propose(header, sample).mapping();

        assertThat(mapping.kind()).isEqualTo(DatasetKind.SALES);
        assertThat(mapping.fields()).containsOnly(entry("region", "Store"), entry("date", "Date"),
                entry("revenue", "Sales"), entry("promotion", "Promo"), entry("holiday", "StateHoliday"));
    }

    @Test
    void recognisesEvents() {
        List<String> header = List.of("timestamp", "visitorid", "event", "itemid", "transactionid");
        List<Row> sample = rows("1433221332117|257597|view|355908|", "1433224214164|992329|view|248676|");

        ColumnMapping mapping = proposer.propose(header, sample).mapping();

        assertThat(mapping.kind()).isEqualTo(DatasetKind.EVENTS);
        assertThat(mapping.fields()).containsOnly(entry("timestamp", "timestamp"), entry("userId", "visitorid"),
                entry("eventType", "event"), entry("item", "itemid"));
        assertThat(mapping.dateFormats().get("timestamp").order()).isEqualTo(DateOrder.EPOCH_MILLIS);
    }

    @Test
    void rejectsHeaderMatchWhoseContentDoesNotFit() {
        List<String> header = List.of("Date", "Quantity", "Day");
        List<Row> sample = rows("n/a yet|many|2024-03-05", "tbd|few|2024-03-06");

        ColumnMapping mapping = proposer.propose(header, sample).mapping();

        assertThat(mapping.fields()).containsOnly(entry("date", "Day"));
    }
}
