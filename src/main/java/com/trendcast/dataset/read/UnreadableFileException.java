package com.trendcast.dataset.read;

import com.trendcast.common.UserFacingException;

import java.util.Locale;

/**
 * A file could not be read as a table. The reason is a message key of {@code i18n/messages} with its arguments
 * (no class names, no stack traces), so that a front end shows it in its user's language inside its own message
 * ({@link #reason()}); {@link #getMessage()} is the English text, for the logs and the command line. The technical
 * cause, if any, is kept for the logs.
 */
public class UnreadableFileException extends RuntimeException {

    private final UserFacingException.Text reason;

    public UnreadableFileException(String reasonKey, Object... arguments) {
        this(null, reasonKey, arguments);
    }

    public UnreadableFileException(Throwable cause, String reasonKey, Object... arguments) {
        super(UserFacingException.format(Locale.ROOT, reasonKey, arguments), cause);
        this.reason = new UserFacingException.Text(reasonKey, arguments.clone());
    }

    /** Why the file could not be read, as an argument of a {@link UserFacingException} around it. */
    public UserFacingException.Text reason() {
        return reason;
    }
}
