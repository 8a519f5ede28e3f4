package com.trendcast.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafeTextTest {

    @Test
    void dropsControlAndBidiOverrideCharactersButKeepsLineBreaksAndChinese() {
        assertThat(SafeText.clean("inv\u0000oice\u202Efdp.csv")).isEqualTo("invoicefdp.csv");
        assertThat(SafeText.clean("\u001B[31mred\u007F")).isEqualTo("[31mred");
        assertThat(SafeText.clean("厨房\t用品\r\n第二行")).isEqualTo("厨房\t用品\r\n第二行");
        assertThat(SafeText.clean(null)).isNull();
    }

    @Test
    void limitsLengthWithoutSplittingASurrogatePair() {
        assertThat(SafeText.cleanAndLimit("ab\uD83D\uDE00", 3)).isEqualTo("ab");
        assertThat(SafeText.cleanAndLimit("a\u0000bcd", 3)).isEqualTo("abc");
        assertThat(SafeText.cleanAndLimit("short", 10)).isEqualTo("short");
    }
}
