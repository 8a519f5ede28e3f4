package com.trendcast.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * A failure whose message is meant for the person using Trendcast (UI, command line, API),
 * carried as a translation key so each front end can show it in the user's language.
 */
public class UserFacingException extends RuntimeException {

    private static final String BUNDLE = "i18n/messages";

    private final String messageKey;
    private final transient Object[] arguments;

    public UserFacingException(String messageKey, Object... arguments) {
        this(null, messageKey, arguments);
    }

    public UserFacingException(Throwable cause, String messageKey, Object... arguments) {
        super(format(Locale.ROOT, messageKey, arguments), cause);
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    /**
     * An argument that is itself a translation key (with its own arguments), shown in the same language as the
     * message around it.
     */
    public record Text(String key, Object... arguments) {
    }

    public String messageKey() {
        return messageKey;
    }

    /** The message's arguments, e.g. to store a failure and show it later in another language. */
    public Object[] arguments() {
        return arguments.clone();
    }

    public String localizedMessage(Locale locale) {
        return format(locale, messageKey, arguments);
    }

    public static String format(Locale locale, String key, Object... arguments) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                    ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        if (arguments.length == 0) {
            return pattern;
        }
        Object[] shown = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            shown[i] = arguments[i] instanceof Text text ? format(locale, text.key(), text.arguments()) : arguments[i];
        }
        return new MessageFormat(pattern, locale).format(shown);
    }
}
