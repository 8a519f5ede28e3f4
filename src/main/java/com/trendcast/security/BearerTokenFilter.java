package com.trendcast.security;

import com.trendcast.api.ApiErrors;
import com.trendcast.audit.AuditService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Authenticates API requests by {@code Authorization: Bearer <token>}, then spends one request of the token's
 * rate limit. A request without the header goes on unauthenticated (the chain answers 401 where it must); a
 * header with an unknown, revoked or disabled owner's token is answered 401 here. Mutating calls are audited
 * each time, with the token that made them.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";
    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final ApiTokenService tokens;
    private final RateLimiter perToken;
    private final ApiErrors errors;
    private final AuditService audit;
    private final SecurityContextHolderStrategy contexts;

    /** @param contexts the strategy the rest of the chain reads, i.e. the application context's (Vaadin-aware) one */
    BearerTokenFilter(ApiTokenService tokens, RateLimiter perToken, ApiErrors errors, AuditService audit,
                      SecurityContextHolderStrategy contexts) {
        this.tokens = tokens;
        this.perToken = perToken;
        this.errors = errors;
        this.audit = audit;
        this.contexts = contexts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiTokenService.TokenOwner> owner = tokens.authenticate(header.substring(BEARER.length()).strip());
        if (owner.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            errors.write(request, response, HttpStatus.UNAUTHORIZED, "api.auth.invalidToken");
            return;
        }
        Duration wait = perToken.tryAcquire("token:" + owner.get().tokenId());
        if (!wait.isZero()) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            errors.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "api.rateLimited", seconds);
            return;
        }
        if (!READ_METHODS.contains(request.getMethod())) {
            audit.record(owner.get().username(), "api.call", request.getMethod() + " " + request.getRequestURI()
                    + " with token " + owner.get().tokenId());
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(new ApiTokenAuthentication(owner.get()));
        contexts.setContext(context);
        chain.doFilter(request, response);
    }
}
