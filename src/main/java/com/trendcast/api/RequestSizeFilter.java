package com.trendcast.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Answers {@code 413} as a JSON error for an API request whose declared length is over the upload limit, before
 * any of it is read. Without it the servlet container's multipart parser would fail first, before a controller
 * is chosen, and the client would get the generic error page instead of the API's error format.
 */
public final class RequestSizeFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final ApiErrors errors;

    public RequestSizeFilter(long maxBytes, ApiErrors errors) {
        this.maxBytes = maxBytes;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (maxBytes >= 0 && request.getContentLengthLong() > maxBytes) {
            errors.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "api.upload.tooLarge");
            return;
        }
        chain.doFilter(request, response);
    }
}
