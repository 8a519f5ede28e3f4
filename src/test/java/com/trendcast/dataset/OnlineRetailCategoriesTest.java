package com.trendcast.dataset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OnlineRetailCategoriesTest {

    private final OnlineRetailCategories categories = new OnlineRetailCategories();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            WHITE METAL LANTERN                    | Home décor/Lighting/Candles & T-lights
            JUMBO BAG RED RETROSPOT                | Bags & Storage/Bags
            LUNCH BAG SPACEBOY DESIGN              | Bags & Storage/Bags
            PACK OF 72 RETROSPOT CAKE CASES        | Kitchen/Baking
            ROSES REGENCY TEACUP AND SAUCER        | Kitchen/Tableware
            ROUND SNACK BOXES SET OF4 WOODLAND     | Bags & Storage/Storage
            PAPER CHAIN KIT 50'S CHRISTMAS         | Seasonal/Christmas
            CREAM CUPID HEARTS COAT HANGER         | Home décor/Signs & decorations
            KNITTED UNION FLAG HOT WATER BOTTLE    | Home décor/Textiles
            SET OF 4 KNICK KNACK TINS DOILEY       | Kitchen/Baking
            DOTCOM POSTAGE                         | Non-product/Postage & fees
            Manual                                 | Non-product/Postage & fees
            PARTY BUNTING                          | Party
            ASSORTED COLOUR BIRD ORNAMENT          | Garden
            SMALL POPCORN HOLDER                   | Other/Miscellaneous
            """)
    void placesDescriptionsByKeyword(String description, String expectedPath) {
        assertThat(categories.categoryPath("any", description)).isEqualTo(path(expectedPath));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            CHRISTMAS T-LIGHT HOLDER               | Seasonal/Christmas
            WHITE HANGING HEART T-LIGHT HOLDER     | Home décor/Lighting/Candles & T-lights
            SET OF 3 CAKE TINS PANTRY DESIGN       | Kitchen/Baking
            SET OF TEA COFFEE SUGAR TINS PANTRY    | Kitchen/Baking
            PLASTERS IN TIN SPACEBOY               | Health & Beauty
            RED RETROSPOT CHARLOTTE BAG            | Bags & Storage/Bags
            SPACEBOY LUNCH BOX                     | Bags & Storage/Storage
            """)
    void firstRuleInTheListWinsWhenKeywordsOfTwoRulesMatch(String description, String expectedPath) {
        assertThat(categories.categoryPath("any", description)).isEqualTo(path(expectedPath));
    }

    @Test
    void matchesWholeWordsAndTheirPluralsOnly() {
        assertThat(categories.categoryPath("22423", "REGENCY CAKESTAND 3 TIER")).isEqualTo(path("Kitchen/Tableware"));
        assertThat(categories.categoryPath("1", "FAIRY TALE COTTAGE NIGHTLIGHT")).isEqualTo(path("Other/Miscellaneous"));
        assertThat(categories.categoryPath("1", "glass jars, set of 3")).isEqualTo(path("Kitchen/Tableware"));
        assertThat(categories.categoryPath("1", "BOXES")).isEqualTo(path("Bags & Storage/Storage"));
    }

    @Test
    void emptyOrMissingDescriptionIsMiscellaneous() {
        assertThat(categories.categoryPath("85123A", "")).isEqualTo(OnlineRetailCategories.FALLBACK);
        assertThat(categories.categoryPath("85123A", null)).isEqualTo(OnlineRetailCategories.FALLBACK);
    }

    private static List<String> path(String slashSeparated) {
        return Arrays.asList(slashSeparated.split("/"));
    }
}
