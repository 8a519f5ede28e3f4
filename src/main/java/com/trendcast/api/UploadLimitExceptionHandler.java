package com.trendcast.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over the multipart limit without a declared length (chunked) fails while the request is parsed,
 * before a controller is chosen, so {@link ApiExceptionHandler}'s package selector cannot apply: this advice
 * has no selector and handles only that one exception, as the API's JSON 413 (longer uploads with a
 * Content-Length are refused earlier by {@link RequestSizeFilter}).
 */
@RestControllerAdvice
class UploadLimitExceptionHandler {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        ApiProblem problem = new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, "api.upload.tooLarge");
        return ResponseEntity.status(problem.status()).body(ApiErrors.of(problem, ApiLocales.of(request)));
    }
}
