package com.trendcast.security;

import com.trendcast.api.ApiErrors;
import com.trendcast.api.RequestSizeFilter;
import com.trendcast.audit.AuditService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

import java.time.Clock;

/**
 * Security of the REST API, apart from the Vaadin application's chain: {@code /api/**} is stateless and
 * authenticated only by personal API tokens (no session, no cookie, hence no CSRF token either); the OpenAPI
 * description at {@code /v3/api-docs} is for any authenticated user, by token or by a signed-in browser session
 * (so the Swagger UI a signed-in user opens can load it). Both answer JSON errors instead of redirecting to the
 * login page. These chains come first; everything else falls through to {@link SecurityConfig}.
 */
@Configuration
@ConditionalOnWebApplication
class ApiSecurityConfig {

    private final BearerTokenFilter bearerTokens;
    private final RequestSizeFilter requestSize;
    private final ApiErrors errors;

    ApiSecurityConfig(ApiTokenService tokens, ApiErrors errors, AuditService audit, SecurityProperties properties,
                      Clock clock, MultipartProperties multipart,
                      ObjectProvider<SecurityContextHolderStrategy> contextStrategy) {
        this.errors = errors;
        this.requestSize = new RequestSizeFilter(multipart.getMaxRequestSize().toBytes(), errors);
        // Built here rather than declared as a bean: Spring Boot would also register a Filter bean for every URL.
        this.bearerTokens = new BearerTokenFilter(tokens, new RateLimiter(properties.apiPerToken(), clock), errors,
                audit, contextStrategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy));
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http) throws Exception {
        tokenAuthenticated(http.securityMatcher("/api/**"))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // After authentication: only a caller with a valid token learns about the size limit.
                .addFilterAfter(requestSize, BearerTokenFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiDocsSecurityFilterChain(HttpSecurity http, SessionRegistry sessionRegistry) throws Exception {
        tokenAuthenticated(http.securityMatcher("/v3/api-docs", "/v3/api-docs/**"))
                // A session ended by a password reset must not read the document either.
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.NEVER)
                        .maximumSessions(-1).sessionRegistry(sessionRegistry)
                        .expiredSessionStrategy(expired -> errors.write(expired.getRequest(), expired.getResponse(),
                                HttpStatus.UNAUTHORIZED, "api.auth.required")));
        return http.build();
    }

    /**
     * What both chains share: every request authenticated, by the bearer token where one is sent; none of the
     * browser sign-in machinery (CSRF token, saved request, login form, basic auth, logout); JSON errors.
     */
    private HttpSecurity tokenAuthenticated(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .addFilterBefore(bearerTokens, AnonymousAuthenticationFilter.class)
                .exceptionHandling(failures -> failures.authenticationEntryPoint(unauthenticated())
                        .accessDeniedHandler(forbidden()));
    }

    private AuthenticationEntryPoint unauthenticated() {
        return (request, response, exception) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            errors.write(request, response, HttpStatus.UNAUTHORIZED, "api.auth.required");
        };
    }

    private AccessDeniedHandler forbidden() {
        return (request, response, exception) -> errors.write(request, response, HttpStatus.FORBIDDEN,
                "api.auth.forbidden");
    }
}
