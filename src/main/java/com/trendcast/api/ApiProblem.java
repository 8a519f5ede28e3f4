package com.trendcast.api;

import com.trendcast.common.UserFacingException;
import org.springframework.http.HttpStatus;

/** A user-facing error raised by the API itself, with the HTTP status it answers with. */
public class ApiProblem extends UserFacingException {

    private final HttpStatus status;

    public ApiProblem(HttpStatus status, String messageKey, Object... arguments) {
        super(messageKey, arguments);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
