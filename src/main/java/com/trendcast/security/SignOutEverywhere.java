package com.trendcast.security;

/**
 * Published when a user's web sessions must end (password reset or change, account disabled).
 *
 * @param keepSessionId the session to keep signed in (the one the user changed their password in); null for none
 */
public record SignOutEverywhere(String username, String keepSessionId) {
}
