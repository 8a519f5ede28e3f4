package com.trendcast.api;

/** Where the REST API lives; a later, incompatible version gets its own prefix beside this one. */
public final class ApiPaths {

    public static final String V1 = "/api/v1";

    private ApiPaths() {
    }
}
