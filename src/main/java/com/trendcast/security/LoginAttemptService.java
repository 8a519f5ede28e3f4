package com.trendcast.security;

import com.trendcast.audit.AuditService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/** Counts failed logins and locks an account for a while after too many in a row. */
@Service
class LoginAttemptService {

    private static final Logger log = LoggerFactory.getLogger(LoginAttemptService.class);

    private final UserAccountRepository users;
    private final SecurityProperties properties;
    private final AuditService audit;
    private final Clock clock;

    LoginAttemptService(UserAccountRepository users, SecurityProperties properties, AuditService audit, Clock clock) {
        this.users = users;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void onBadCredentials(AuthenticationFailureBadCredentialsEvent event) {
        String username = event.getAuthentication().getName();
        audit.record(username, "login.failed", "bad credentials");
        users.findByUsernameIgnoreCase(username).ifPresent(account -> {
            int failures = account.getFailedAttempts() + 1;
            if (failures >= properties.maxFailedLogins()) {
                account.setFailedAttempts(0);
                account.setLockedUntil(clock.instant().plus(properties.lockoutDuration()));
                log.warn("Account '{}' locked for {} after {} failed logins", username,
                        properties.lockoutDuration(), failures);
                audit.record(username, "login.locked", "after " + failures + " failed logins");
            } else {
                account.setFailedAttempts(failures);
            }
        });
    }

    @EventListener
    public void onLocked(AuthenticationFailureLockedEvent event) {
        audit.record(event.getAuthentication().getName(), "login.failed", "account locked");
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        users.findByUsernameIgnoreCase(username).ifPresent(account -> {
            account.setFailedAttempts(0);
            account.setLockedUntil(null);
        });
        audit.record(username, "login", null);
    }
}
