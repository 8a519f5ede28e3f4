package com.trendcast.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A request whose path is the API's but whose method, content type or accepted media type no endpoint takes fails
 * while Spring chooses a controller, so no controller is chosen and {@link ApiExceptionHandler}'s package selector
 * cannot apply. Left to the default resolver, the container's error dispatch then ran through the browser
 * application's security and answered a redirect to the login page; this advice has no selector and answers the
 * API's JSON error instead. Only paths mapped by some controller get here (the Vaadin views are not such paths).
 * It comes first so that these answers do not fall to {@link ApiExceptionHandler}'s catch-all 500 when a
 * controller was chosen.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestMatchingExceptionHandler {

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return answer(new ApiProblem(HttpStatus.METHOD_NOT_ALLOWED, "api.method.notAllowed", e.getMethod()), request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> unsupportedBody(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return answer(new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "api.body.unsupportedType",
                String.valueOf(e.getContentType())), request);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ApiError> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return answer(new ApiProblem(HttpStatus.NOT_ACCEPTABLE, "api.format.notAcceptable"), request);
    }

    private static ResponseEntity<ApiError> answer(ApiProblem problem, HttpServletRequest request) {
        return ResponseEntity.status(problem.status()).body(ApiErrors.of(problem, ApiLocales.of(request)));
    }
}
