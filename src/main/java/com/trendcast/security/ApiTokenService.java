package com.trendcast.security;

import com.trendcast.audit.AuditService;
import com.trendcast.common.UserFacingException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Personal API tokens: created by their owner (or an operator on the command line), shown once, stored as a
 * SHA-256 hash, revocable. A token carries no rights of its own: each request gets the owner's role and
 * categories as they are at that moment, and stops working when the owner is disabled.
 *
 * <p>Why SHA-256 and not BCrypt, as for passwords: BCrypt's slowness protects low-entropy secrets that people
 * choose; a token is 256 random bits, which no amount of hashing speed makes guessable. A fast, unsalted hash
 * lets a request find its token through a unique index in one lookup, whereas a salted BCrypt hash would have
 * to be compared with every stored token and cost ~100 ms of CPU per API call (an easy denial of service).
 */
@Service
public class ApiTokenService {

    static final String TOKEN_PREFIX = "tc_";
    private static final int SECRET_BYTES = 32;
    private static final int SHOWN_PREFIX_LENGTH = TOKEN_PREFIX.length() + 6;
    private static final int MAX_LABEL = 100;
    /** Last use is recorded to the minute: enough for "last used", without a write on every request. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final ApiTokenRepository tokens;
    private final UserAccountRepository users;
    private final AuditService audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokenService(ApiTokenRepository tokens, UserAccountRepository users, AuditService audit, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates a token for {@code username}; the returned secret is never stored and cannot be shown again. */
    @Transactional
    public CreatedApiToken create(String actor, String username, String label) {
        UserAccount owner = users.findByUsernameIgnoreCase(username)
                .orElseThrow(() -> new UserFacingException("user.notFound", username));
        String cleanLabel = label == null ? "" : label.strip();
        if (cleanLabel.isEmpty()) {
            cleanLabel = "token";
        }
        if (cleanLabel.length() > MAX_LABEL) {
            throw new UserFacingException("apiToken.label.tooLong", MAX_LABEL);
        }
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        String secret = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken token = tokens.save(new ApiToken(owner.getId(), cleanLabel, hash(secret),
                secret.substring(0, SHOWN_PREFIX_LENGTH), clock.instant()));
        audit.record(actor, "api.token.create", "Token " + token.getId() + " '" + cleanLabel + "' for "
                + owner.getUsername());
        return new CreatedApiToken(token.toSummary(), secret);
    }

    /** The user's tokens, newest first, revoked ones included so the history stays visible. */
    @Transactional(readOnly = true)
    public List<ApiTokenSummary> list(String username) {
        return users.findByUsernameIgnoreCase(username)
                .map(owner -> tokens.findByUserIdOrderByCreatedAtDescIdDesc(owner.getId()).stream()
                        .map(ApiToken::toSummary).toList())
                .orElse(List.of());
    }

    /** Revokes one of {@code username}'s own tokens; another user's token is reported as not found. */
    @Transactional
    public void revoke(String username, long tokenId) {
        UserAccount owner = users.findByUsernameIgnoreCase(username)
                .orElseThrow(() -> new UserFacingException("user.notFound", username));
        ApiToken token = tokens.findById(tokenId)
                .filter(t -> t.getUserId().equals(owner.getId()))
                .orElseThrow(() -> new UserFacingException("apiToken.notFound", tokenId));
        token.revoke(clock.instant());
        audit.record(owner.getUsername(), "api.token.revoke", "Token " + tokenId + " '" + token.getLabel() + "'");
    }

    /**
     * Another user's tokens, for an admin governing accounts: label, first characters, dates, never the secret
     * (only its hash is stored). Managers are refused: they see only their own tokens, on their account page.
     */
    @Transactional(readOnly = true)
    public List<ApiTokenSummary> listOfUser(AccessScope scope, String username) {
        requireAdmin(scope);
        UserAccount owner = users.findByUsernameIgnoreCase(username)
                .orElseThrow(() -> new UserFacingException("user.notFound", username));
        return tokens.findByUserIdOrderByCreatedAtDescIdDesc(owner.getId()).stream().map(ApiToken::toSummary).toList();
    }

    /** An admin revokes one of another user's tokens (a leaked script token, a departed colleague's job). */
    @Transactional
    public void revokeOfUser(AccessScope scope, String username, long tokenId) {
        requireAdmin(scope);
        UserAccount owner = users.findByUsernameIgnoreCase(username)
                .orElseThrow(() -> new UserFacingException("user.notFound", username));
        ApiToken token = tokens.findById(tokenId)
                .filter(t -> t.getUserId().equals(owner.getId()))
                .orElseThrow(() -> new UserFacingException("apiToken.admin.notFound", tokenId, owner.getUsername()));
        if (token.isRevoked()) {
            return;
        }
        token.revoke(clock.instant());
        audit.record(scope.username(), "api.token.revoke", "Token " + tokenId + " '" + token.getLabel() + "' of "
                + owner.getUsername());
    }

    /** An admin revokes every working token of another user; answers how many were revoked. */
    @Transactional
    public int revokeAllOfUser(AccessScope scope, String username) {
        requireAdmin(scope);
        UserAccount owner = users.findByUsernameIgnoreCase(username)
                .orElseThrow(() -> new UserFacingException("user.notFound", username));
        int revoked = revokeAll(owner);
        audit.record(scope.username(), "api.token.revoke.all", revoked + " tokens of " + owner.getUsername());
        return revoked;
    }

    private static void requireAdmin(AccessScope scope) {
        if (!scope.admin()) {
            throw new UserFacingException("apiToken.admin.only");
        }
    }

    /**
     * The owner a presented token acts for, or empty when it is unknown, revoked or its owner is disabled.
     * The first use of a token on each (UTC) day is audited: often enough to see which tokens are alive and
     * who uses them, without one audit row per read of a polling script (mutating calls are audited each time
     * by the API's request filter and by the services themselves).
     */
    @Transactional
    public Optional<TokenOwner> authenticate(String secret) {
        if (secret == null || !secret.startsWith(TOKEN_PREFIX)) {
            return Optional.empty();
        }
        Optional<ApiToken> found = tokens.findByTokenHash(hash(secret));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ApiToken token = found.get();
        UserAccount owner = users.findById(token.getUserId()).orElse(null);
        if (owner == null) {
            return Optional.empty();
        }
        if (token.isRevoked() || !owner.isEnabled()) {
            audit.record(owner.getUsername(), "api.token.rejected", "Token " + token.getId() + " '" + token.getLabel()
                    + "': " + (token.isRevoked() ? "revoked" : "user disabled"));
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant lastUsed = token.getLastUsedAt();
        if (lastUsed == null || lastUsed.atOffset(ZoneOffset.UTC).toLocalDate()
                .isBefore(now.atOffset(ZoneOffset.UTC).toLocalDate())) {
            audit.record(owner.getUsername(), "api.token.use", "Token " + token.getId() + " '" + token.getLabel()
                    + "': first use today");
        }
        if (lastUsed == null || Duration.between(lastUsed, now).compareTo(LAST_USED_RESOLUTION) >= 0) {
            token.setLastUsedAt(now);
        }
        return Optional.of(new TokenOwner(token.getId(), owner.getUsername(), owner.getRole()));
    }

    /** Revokes every token of the user, e.g. when an admin resets a password after a suspected compromise. */
    @Transactional
    int revokeAll(UserAccount owner) {
        return tokens.revokeAllOfUser(owner.getId(), clock.instant());
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }

    /** Who a valid token acts for, and through which token (for rate limits and the audit log). */
    public record TokenOwner(long tokenId, String username, Role role) {
    }
}
