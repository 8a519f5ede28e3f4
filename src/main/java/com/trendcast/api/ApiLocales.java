package com.trendcast.api;

import com.trendcast.ui.i18n.TranslationProvider;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Locale;

/** The language of an API answer: the request's Accept-Language, narrowed to one Trendcast speaks. */
public final class ApiLocales {

    private ApiLocales() {
    }

    public static Locale of(HttpServletRequest request) {
        return TranslationProvider.supported(request.getHeader("Accept-Language") == null ? Locale.ENGLISH
                : request.getLocale());
    }
}
