package com.trendcast.dataset.read.mapping;

import java.text.Normalizer;
import java.util.Locale;

/** Header comparison key: "Sub-Category", "sub_category" and "ＳＵＢ　ＣＡＴＥＧＯＲＹ" all become "subcategory". */
public final class HeaderNames {

    private HeaderNames() {
    }

    public static String normalize(String header) {
        String folded = Normalizer.normalize(header, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder(folded.length());
        folded.codePoints().filter(Character::isLetterOrDigit).forEach(key::appendCodePoint);
        return key.toString();
    }
}
