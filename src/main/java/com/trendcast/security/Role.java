package com.trendcast.security;

/** What a user may do: admins govern everything, managers work on their own categories. */
public enum Role {
    ADMIN,
    MANAGER;

    /** The Spring Security authority name, as checked by {@code @RolesAllowed}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
