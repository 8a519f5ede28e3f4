package com.trendcast.security;

import com.trendcast.common.UserFacingException;
import com.trendcast.ui.i18n.TranslationProvider;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * Limits sign-in attempts per user name and per client address before any password is checked, answering
 * {@code 429} with {@code Retry-After}. The lockout in {@link LoginAttemptService} stops guessing one account's
 * password; this also stops one machine from trying many accounts, and keeps BCrypt's cost from being spent
 * at an attacker's pace. Behind a reverse proxy, set {@code server.forward-headers-strategy=native} so the
 * client address is the caller's, not the proxy's.
 */
final class LoginRateLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(LoginRateLimitFilter.class);

    private final RateLimiter perUsername;
    private final RateLimiter perAddress;

    LoginRateLimitFilter(RateLimiter perUsername, RateLimiter perAddress) {
        this.perUsername = perUsername;
        this.perAddress = perAddress;
    }

    private static final RequestMatcher SIGN_IN = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !SIGN_IN.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = request.getParameter("username");
        String user = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        Duration addressWait = perAddress.tryAcquire("address:" + request.getRemoteAddr());
        Duration userWait = addressWait.isZero() ? perUsername.tryAcquire("user:" + user) : Duration.ZERO;
        Duration wait = addressWait.isZero() ? userWait : addressWait;
        if (wait.isZero()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        // Logged, not audited: a flood of refused attempts must not flood the audit log as well.
        log.warn("Sign-in attempt for '{}' from {} refused by the rate limit; retry after {} s", user,
                request.getRemoteAddr(), seconds);
        Locale locale = TranslationProvider.supported(request.getLocale());
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.setContentType(MediaType.TEXT_PLAIN_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(UserFacingException.format(locale, "login.rateLimited", seconds));
    }
}
