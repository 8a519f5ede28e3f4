package com.trendcast.common;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class UserFacingExceptionTest {

    @Test
    void argumentsThatAreKeysAreShownInTheMessageLanguage() {
        UserFacingException problem = new UserFacingException("import.mapping.required",
                new UserFacingException.Text("import.field.units"));

        assertThat(problem.getMessage()).isEqualTo("Choose a column for the field \"Units\".");
        assertThat(problem.localizedMessage(Locale.SIMPLIFIED_CHINESE)).isEqualTo("请为字段“数量”选择一列。");
    }

    @Test
    void aKeyArgumentCarriesItsOwnArgumentsIntoTheMessageLanguage() {
        UserFacingException problem = new UserFacingException("import.file.unreadable",
                new UserFacingException.Text("read.csv.valueTooLong", 1234L, 50000));

        assertThat(problem.getMessage()).isEqualTo("This file cannot be imported: A value on line 1,234 is longer "
                + "than 50,000 characters. The file may contain an unclosed quote (\").");
        assertThat(problem.localizedMessage(Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("无法导入此文件：第 1,234 行的某个值超过 50,000 个字符。文件中可能有未闭合的引号（\"）。");
    }

    @Test
    void plainArgumentsAreFormattedAndUnknownKeysShowThemselves() {
        assertThat(new UserFacingException("user.password.tooShort", 12).getMessage())
                .isEqualTo("The password must have at least 12 characters.");
        assertThat(new UserFacingException("no.such.key").getMessage()).isEqualTo("no.such.key");
    }
}
