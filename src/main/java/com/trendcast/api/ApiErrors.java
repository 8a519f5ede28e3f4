package com.trendcast.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.trendcast.common.UserFacingException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Turns failures into {@link ApiError} bodies with the right status, one way for the controllers' exception
 * handler and for the security filters that answer before any controller runs.
 */
@Component
@ConditionalOnWebApplication
public class ApiErrors {

    private final ObjectMapper json;

    ApiErrors(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The status for a service's {@link UserFacingException}: its key says what went wrong, so a new service
     * error gets a sensible status without the API knowing it (".notFound" 404, ".denied"/".notOwner" 403,
     * ".tooLarge" 413, anything else a 400 for a request the caller can correct).
     */
    public static HttpStatus statusOf(UserFacingException e) {
        if (e instanceof ApiProblem problem) {
            return problem.status();
        }
        String key = e.messageKey();
        if (key.endsWith(".notFound")) {
            return HttpStatus.NOT_FOUND;
        }
        if (key.endsWith(".denied") || key.endsWith(".notOwner")) {
            return HttpStatus.FORBIDDEN;
        }
        if (key.endsWith(".tooLarge")) {
            return HttpStatus.PAYLOAD_TOO_LARGE;
        }
        return HttpStatus.BAD_REQUEST;
    }

    public static ApiError of(UserFacingException e, Locale locale) {
        return new ApiError(e.messageKey(), e.localizedMessage(locale), null);
    }

    /** Writes an error directly to the response, for filters. */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String messageKey,
                      Object... arguments) throws IOException {
        ApiError error = new ApiError(messageKey, UserFacingException.format(ApiLocales.of(request), messageKey,
                arguments), null);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), error);
    }
}
