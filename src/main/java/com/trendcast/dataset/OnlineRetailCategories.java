package com.trendcast.dataset;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Category paths for the products of UCI Online Retail, whose file has no category column: a fixed list of
 * keyword rules applied to the product description, so the same description always lands in the same place.
 *
 * <p>The description is upper-cased and split into words: runs of letters and digits, where a hyphen between
 * two runs stays inside the word ("T-LIGHT" is one word; "S/3" is two). A keyword matches a word equal to it,
 * or to it followed by "S" or "ES" ("BOX" matches "BOXES"), never a part of a longer word ("CAKE" does not
 * match "CAKESTAND"). The rules are tried in the order below and the first rule with a matching keyword
 * wins, which settles descriptions with keywords of two rules: "CHRISTMAS T-LIGHT HOLDER" is Christmas,
 * "WHITE HANGING HEART T-LIGHT HOLDER" is lighting, "SET OF 3 CAKE TINS PANTRY DESIGN" is baking, and
 * "REGENCY CAKESTAND 3 TIER" is tableware.
 * <ol>
 *   <li>Non-product › Postage & fees: POSTAGE MAILOUT CARRIAGE MANUAL FEE CHARGES DISCOUNT COMMISSION ADJUST
 *       SAMPLES (the shop's own non-merchandise lines, kept apart so they do not distort a product category)</li>
 *   <li>Seasonal › Christmas: CHRISTMAS XMAS ADVENT SANTA REINDEER NATIVITY SNOWFLAKE</li>
 *   <li>Seasonal › Easter: EASTER</li>
 *   <li>Health & Beauty: PLASTERS SOAP BATH LIP GLOSS MAKEUP</li>
 *   <li>Home décor › Lighting › Candles & T-lights: CANDLE CANDLEHOLDER T-LIGHT TEALIGHT LANTERN LIGHT LAMP</li>
 *   <li>Bags & Storage › Bags: BAG HANDBAG SHOPPER TOTE</li>
 *   <li>Kitchen › Baking: CAKE BAKING TIN</li>
 *   <li>Kitchen › Tableware: MUG CUP TEACUP SAUCER PLATE BOWL TEA TEAPOT COFFEE CAKESTAND CUTLERY NAPKIN
 *       TUMBLER BEAKER JUG DOILY TRAY GLASS SPOON STRAW</li>
 *   <li>Kitchen › Kitchenware: APRON JAM KITCHEN OVEN GLOVE CHOPPING BOARD COOKIE CUTTER ROLLING MOULD BREAD
 *       BIN BRUSH PEG</li>
 *   <li>Bags & Storage › Storage: BOX JAR BASKET HAMPER DRAWER CRATE BUCKET STORAGE</li>
 *   <li>Toys & Games: TOY GAME DOLL DOLLY PLAYHOUSE JIGSAW DOMINOES SKIPPING PUZZLE SPACEBOY CHILDRENS TEDDY
 *       SKITTLES SPINNING BINGO NAUGHTS LADDERS BLOCK</li>
 *   <li>Garden: GARDEN PLANT PLANTER POT WATERING BIRD BIRDHOUSE SEED HERB FLOWER</li>
 *   <li>Jewellery & Accessories: NECKLACE BRACELET EARRINGS JEWELLERY HAIR HAIRCLIP BROOCH PURSE UMBRELLA
 *       SCARF WALLET KEYRING WARMER PARASOL PONCHO FAN</li>
 *   <li>Party: PARTY BUNTING BALLOON BIRTHDAY CONFETTI</li>
 *   <li>Stationery › Cards & Wrap: CARD WRAP PAPER ENVELOPE TAPE</li>
 *   <li>Stationery › Writing: NOTEBOOK PEN PENCIL ERASER BOOK STICKER CHALKBOARD RULER MEMOBOARD TAG</li>
 *   <li>Stationery › Arts & crafts: SEWING KNITTING PAINT CLAY COLOURING CRAFT RIBBON</li>
 *   <li>Home décor › Textiles: DOORMAT CUSHION THROW BLANKET BOTTLE</li>
 *   <li>Home décor › Clocks & frames: CLOCK FRAME MIRROR</li>
 *   <li>Home décor › Signs & decorations: SIGN HEART DECORATION ORNAMENT HANGING WREATH GARLAND</li>
 * </ol>
 * A description matching no rule, or an empty one, is Other › Miscellaneous. The stock code is not used: in
 * this file it carries no grouping.
 */
public final class OnlineRetailCategories implements CategoryRule {

    static final List<String> FALLBACK = List.of("Other", "Miscellaneous");
    private static final Pattern WORD = Pattern.compile("[A-Z0-9]+(?:-[A-Z0-9]+)*");

    private record Rule(List<String> path, Set<String> keywords) {

        Rule(List<String> path, String keywords) {
            this(path, Set.of(keywords.split(" ")));
        }

        boolean matches(String word) {
            return keywords.contains(word)
                    || word.endsWith("S") && keywords.contains(word.substring(0, word.length() - 1))
                    || word.endsWith("ES") && keywords.contains(word.substring(0, word.length() - 2));
        }
    }

    private static final List<Rule> RULES = List.of(
            new Rule(List.of("Non-product", "Postage & fees"),
                    "POSTAGE MAILOUT CARRIAGE MANUAL FEE CHARGES DISCOUNT COMMISSION ADJUST SAMPLES"),
            new Rule(List.of("Seasonal", "Christmas"), "CHRISTMAS XMAS ADVENT SANTA REINDEER NATIVITY SNOWFLAKE"),
            new Rule(List.of("Seasonal", "Easter"), "EASTER"),
            new Rule(List.of("Health & Beauty"), "PLASTERS SOAP BATH LIP GLOSS MAKEUP"),
            new Rule(List.of("Home décor", "Lighting", "Candles & T-lights"),
                    "CANDLE CANDLEHOLDER T-LIGHT TEALIGHT LANTERN LIGHT LAMP"),
            new Rule(List.of("Bags & Storage", "Bags"), "BAG HANDBAG SHOPPER TOTE"),
            new Rule(List.of("Kitchen", "Baking"), "CAKE BAKING TIN"),
            new Rule(List.of("Kitchen", "Tableware"), "MUG CUP TEACUP SAUCER PLATE BOWL TEA TEAPOT COFFEE CAKESTAND"
                    + " CUTLERY NAPKIN TUMBLER BEAKER JUG DOILY TRAY GLASS SPOON STRAW"),
            new Rule(List.of("Kitchen", "Kitchenware"), "APRON JAM KITCHEN OVEN GLOVE CHOPPING BOARD COOKIE CUTTER"
                    + " ROLLING MOULD BREAD BIN BRUSH PEG"),
            new Rule(List.of("Bags & Storage", "Storage"), "BOX JAR BASKET HAMPER DRAWER CRATE BUCKET STORAGE"),
            new Rule(List.of("Toys & Games"), "TOY GAME DOLL DOLLY PLAYHOUSE JIGSAW DOMINOES SKIPPING PUZZLE SPACEBOY"
                    + " CHILDRENS TEDDY SKITTLES SPINNING BINGO NAUGHTS LADDERS BLOCK"),
            new Rule(List.of("Garden"), "GARDEN PLANT PLANTER POT WATERING BIRD BIRDHOUSE SEED HERB FLOWER"),
            new Rule(List.of("Jewellery & Accessories"), "NECKLACE BRACELET EARRINGS JEWELLERY HAIR HAIRCLIP BROOCH"
                    + " PURSE UMBRELLA SCARF WALLET KEYRING WARMER PARASOL PONCHO FAN"),
            new Rule(List.of("Party"), "PARTY BUNTING BALLOON BIRTHDAY CONFETTI"),
            new Rule(List.of("Stationery", "Cards & Wrap"), "CARD WRAP PAPER ENVELOPE TAPE"),
            new Rule(List.of("Stationery", "Writing"),
                    "NOTEBOOK PEN PENCIL ERASER BOOK STICKER CHALKBOARD RULER MEMOBOARD TAG"),
            new Rule(List.of("Stationery", "Arts & crafts"), "SEWING KNITTING PAINT CLAY COLOURING CRAFT RIBBON"),
            new Rule(List.of("Home décor", "Textiles"), "DOORMAT CUSHION THROW BLANKET BOTTLE"),
            new Rule(List.of("Home décor", "Clocks & frames"), "CLOCK FRAME MIRROR"),
            new Rule(List.of("Home décor", "Signs & decorations"),
                    "SIGN HEART DECORATION ORNAMENT HANGING WREATH GARLAND"));

    @Override
    public List<String> categoryPath(String sku, String productName) {
        List<String> words = words(productName);
        for (Rule rule : RULES) {
            if (words.stream().anyMatch(rule::matches)) {
                return rule.path();
            }
        }
        return FALLBACK;
    }

    private static List<String> words(String description) {
        if (description == null) {
            return List.of();
        }
        Matcher matcher = WORD.matcher(description.toUpperCase(Locale.ROOT));
        return matcher.results().map(match -> match.group()).toList();
    }
}
