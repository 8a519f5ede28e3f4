package com.trendcast.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/**
 * The body of every API error: {@code code} is stable (scripts branch on it; it is the message key, so it never
 * changes with the language), {@code message} is for people, in the request's language.
 *
 * @param details more about the error where there is more, e.g. an import's rejected rows; omitted otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String code, String message, Map<String, Object> details) {
}
