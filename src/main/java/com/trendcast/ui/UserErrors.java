package com.trendcast.ui;

import com.trendcast.common.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Turns any failure that reaches the UI into a sentence a category manager can act on, never a stack trace.
 * Unexpected failures are logged with all detail under a short reference that the message shows, so an admin
 * can find the log entry the user reports.
 */
public final class UserErrors {

    private static final Logger log = LoggerFactory.getLogger(UserErrors.class);

    private UserErrors() {
    }

    public static String messageFor(Throwable failure, Locale locale) {
        UserFacingException userFacing = find(failure, UserFacingException.class);
        if (userFacing != null) {
            return userFacing.localizedMessage(locale);
        }
        String reference = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        if (find(failure, DataAccessException.class) != null || find(failure, TransactionException.class) != null) {
            log.error("Database failure shown to a user as reference {}", reference, failure);
            return UserFacingException.format(locale, "error.database", reference);
        }
        log.error("Unexpected failure shown to a user as reference {}", reference, failure);
        return UserFacingException.format(locale, "error.unexpected", reference);
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
