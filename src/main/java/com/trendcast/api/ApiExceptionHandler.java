package com.trendcast.api;

import com.trendcast.common.UserFacingException;
import com.trendcast.dataset.ImportRefusedException;
import com.trendcast.dataset.ImportReport;
import com.trendcast.dataset.RowProblem;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every failure of an API controller becomes an {@link ApiError}: services' {@link UserFacingException}s in the
 * caller's language with a status from {@link ApiErrors#statusOf}, malformed requests as 400, anything else as
 * a 500 whose details go to the log only.
 */
@RestControllerAdvice(basePackages = "com.trendcast")
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ImportRefusedException.class)
    ResponseEntity<ApiError> importRefused(ImportRefusedException e, HttpServletRequest request) {
        Locale locale = ApiLocales.of(request);
        ImportReport report = e.report();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rowsRead", report.rowsRead());
        details.put("rowsRejected", report.rowsRejected());
        details.put("returnRows", report.returnRows());
        List<Map<String, Object>> problems = report.firstProblems().stream().map(problem -> problem(problem, locale))
                .toList();
        details.put("firstProblems", problems);
        return ResponseEntity.badRequest().body(new ApiError(e.messageKey(), e.localizedMessage(locale), details));
    }

    private static Map<String, Object> problem(RowProblem problem, Locale locale) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("row", problem.rowNumber());
        row.put("column", problem.column());
        row.put("value", problem.value());
        row.put("reason", UserFacingException.format(locale, problem.reasonKey(), problem.arguments()));
        return row;
    }

    @ExceptionHandler(UserFacingException.class)
    ResponseEntity<ApiError> userFacing(UserFacingException e, HttpServletRequest request) {
        return ResponseEntity.status(ApiErrors.statusOf(e)).body(ApiErrors.of(e, ApiLocales.of(request)));
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MissingServletRequestPartException.class,
            MethodArgumentTypeMismatchException.class})
    ResponseEntity<ApiError> badParameter(Exception e, HttpServletRequest request) {
        String parameter;
        if (e instanceof MissingServletRequestParameterException missing) {
            parameter = missing.getParameterName();
        } else if (e instanceof MissingServletRequestPartException missing) {
            parameter = missing.getRequestPartName();
        } else {
            parameter = ((MethodArgumentTypeMismatchException) e).getName();
        }
        return userFacing(new ApiProblem(HttpStatus.BAD_REQUEST, "api.parameter.invalid", parameter), request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadableBody(HttpMessageNotReadableException e, HttpServletRequest request) {
        return userFacing(new ApiProblem(HttpStatus.BAD_REQUEST, "api.body.invalid"), request);
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ApiError> notMultipart(MultipartException e, HttpServletRequest request) {
        return userFacing(new ApiProblem(HttpStatus.BAD_REQUEST, "api.upload.notMultipart"), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e, HttpServletRequest request) {
        log.error("API request {} {} failed", request.getMethod(), request.getRequestURI(), e);
        return userFacing(new ApiProblem(HttpStatus.INTERNAL_SERVER_ERROR, "api.internal"), request);
    }
}
