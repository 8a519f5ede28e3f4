package com.trendcast.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

/**
 * Ends a user's web sessions through the session registry the web security chain keeps: an expired session is
 * signed out on its next request. The command line has no sessions, so this exists only in the web application.
 */
@Component
@ConditionalOnWebApplication
class SessionRevoker {

    private static final Logger log = LoggerFactory.getLogger(SessionRevoker.class);

    private final SessionRegistry sessions;

    SessionRevoker(SessionRegistry sessions) {
        this.sessions = sessions;
    }

    @EventListener
    public void signOut(SignOutEverywhere event) {
        int expired = 0;
        for (Object principal : sessions.getAllPrincipals()) {
            if (!event.username().equalsIgnoreCase(username(principal))) {
                continue;
            }
            for (SessionInformation session : sessions.getAllSessions(principal, false)) {
                if (!session.getSessionId().equals(event.keepSessionId())) {
                    session.expireNow();
                    expired++;
                }
            }
        }
        log.info("Signed out {} web session(s) of '{}'", expired, event.username());
    }

    private static String username(Object principal) {
        return principal instanceof UserDetails details ? details.getUsername() : String.valueOf(principal);
    }
}
