package com.trendcast.security;

/** Role names as constants, for annotations such as {@code @RolesAllowed(Roles.ADMIN)}. */
public final class Roles {
    public static final String ADMIN = "ADMIN";
    public static final String MANAGER = "MANAGER";

    private Roles() {
    }
}
