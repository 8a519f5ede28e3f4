package com.trendcast.security;

import com.trendcast.audit.AuditService;
import com.trendcast.common.UserFacingException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Creates and changes user accounts; the one path used by the UI, the command line and bootstrap. */
@Service
public class UserService {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{3,100}");
    private static final int MAX_CATEGORY_LENGTH = 200;

    private final UserAccountRepository users;
    private final PasswordEncoder passwordEncoder;
    private final AuditService audit;
    private final Clock clock;
    private final ApiTokenService tokens;
    private final ApplicationEventPublisher events;

    UserService(UserAccountRepository users, PasswordEncoder passwordEncoder, AuditService audit, Clock clock,
                ApiTokenService tokens, ApplicationEventPublisher events) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.clock = clock;
        this.tokens = tokens;
        this.events = events;
    }

    @Transactional
    public UserSummary create(String actor, String username, String password, Role role, Collection<String> categories) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new UserFacingException("user.username.invalid");
        }
        if (role == null) {
            throw new UserFacingException("user.role.missing");
        }
        if (users.existsByUsernameIgnoreCase(username)) {
            throw new UserFacingException("user.username.taken", username);
        }
        PasswordPolicy.check(username, password);
        Set<String> cleanCategories = cleanCategories(categories);
        UserAccount account = users.save(new UserAccount(username, passwordEncoder.encode(password), role,
                cleanCategories, clock.instant()));
        audit.record(actor, "user.create", username + " as " + role + " " + cleanCategories);
        return account.toSummary(clock.instant());
    }

    @Transactional(readOnly = true)
    public boolean hasAnyUser() {
        return users.count() > 0;
    }

    @Transactional(readOnly = true)
    public List<UserSummary> list() {
        return users.findAll().stream()
                .map(u -> u.toSummary(clock.instant()))
                .sorted((a, b) -> a.username().compareToIgnoreCase(b.username()))
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<UserSummary> find(String username) {
        return users.findByUsernameIgnoreCase(username).map(u -> u.toSummary(clock.instant()));
    }

    /** The access scope of a signed-in user, read fresh from the database so changes apply at once. */
    @Transactional(readOnly = true)
    public AccessScope scopeOf(String username) {
        return users.findByUsernameIgnoreCase(username)
                .map(u -> new AccessScope(u.getUsername(), u.getRole() == Role.ADMIN, u.getCategories()))
                .orElseGet(() -> new AccessScope(username, false, Set.of()));
    }

    @Transactional
    public void setLocale(String username, Locale locale) {
        users.findByUsernameIgnoreCase(username).ifPresent(u -> u.setLocale(locale.toLanguageTag()));
    }

    @Transactional
    public void setEnabled(String actor, String username, boolean enabled) {
        UserAccount account = users.findByUsernameIgnoreCase(username)
                .orElseThrow(() -> new UserFacingException("user.notFound", username));
        account.setEnabled(enabled);
        audit.record(actor, enabled ? "user.enable" : "user.disable", username);
        if (!enabled) {
            events.publishEvent(new SignOutEverywhere(account.getUsername(), null));
        }
    }

    @Transactional
    public void update(String actor, String username, Role role, Collection<String> categories) {
        UserAccount account = users.findByUsernameIgnoreCase(username)
                .orElseThrow(() -> new UserFacingException("user.notFound", username));
        account.setRole(role);
        account.setCategories(cleanCategories(categories));
        audit.record(actor, "user.update", username + " as " + role + " " + account.getCategories());
    }

    @Transactional
    public void resetPassword(String actor, String username, String newPassword) {
        UserAccount account = users.findByUsernameIgnoreCase(username)
                .orElseThrow(() -> new UserFacingException("user.notFound", username));
        PasswordPolicy.check(account.getUsername(), newPassword);
        account.setPasswordHash(passwordEncoder.encode(newPassword));
        account.setFailedAttempts(0);
        account.setLockedUntil(null);
        // An admin resets a password when it is forgotten or may be known to someone else: whoever holds it
        // may also have created tokens, so they stop working too; the user creates new ones after signing in.
        int revoked = tokens.revokeAll(account);
        audit.record(actor, "user.password.reset", username + (revoked > 0 ? ", " + revoked + " API tokens revoked" : ""));
        events.publishEvent(new SignOutEverywhere(account.getUsername(), null));
    }

    /**
     * The signed-in user changes their own password. Their other sessions end; the session they made the change
     * in stays signed in, and their API tokens keep working (they can see and revoke them on the same page).
     */
    @Transactional
    public void changeOwnPassword(String username, String currentPassword, String newPassword, String currentSessionId) {
        UserAccount account = users.findByUsernameIgnoreCase(username)
                .orElseThrow(() -> new UserFacingException("user.notFound", username));
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
            audit.record(account.getUsername(), "user.password.change.failed", "wrong current password");
            throw new UserFacingException("account.password.currentWrong");
        }
        PasswordPolicy.check(account.getUsername(), newPassword);
        account.setPasswordHash(passwordEncoder.encode(newPassword));
        audit.record(account.getUsername(), "user.password.change", null);
        events.publishEvent(new SignOutEverywhere(account.getUsername(), currentSessionId));
    }

    private static Set<String> cleanCategories(Collection<String> categories) {
        Set<String> clean = new TreeSet<>();
        if (categories == null) {
            return clean;
        }
        for (String category : categories) {
            String trimmed = category == null ? "" : category.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.length() > MAX_CATEGORY_LENGTH) {
                throw new UserFacingException("user.category.tooLong", MAX_CATEGORY_LENGTH);
            }
            clean.add(trimmed);
        }
        return clean;
    }
}
