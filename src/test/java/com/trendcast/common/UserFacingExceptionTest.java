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
    void plainArgumentsAreFormattedAndUnknownKeysShowThemselves() {
        assertThat(new UserFacingException("user.password.tooShort", 12).getMessage())
                .isEqualTo("The password must have at least 12 characters.");
        assertThat(new UserFacingException("no.such.key").getMessage()).isEqualTo("no.such.key");
    }
}
