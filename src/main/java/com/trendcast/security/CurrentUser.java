package com.trendcast.security;

import com.vaadin.flow.spring.security.AuthenticationContext;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/** The signed-in user of the current Vaadin request, and what they may see. */
@Component
@ConditionalOnWebApplication
public class CurrentUser {

    private final AuthenticationContext authenticationContext;
    private final UserService users;

    CurrentUser(AuthenticationContext authenticationContext, UserService users) {
        this.authenticationContext = authenticationContext;
        this.users = users;
    }

    public String username() {
        return authenticationContext.getPrincipalName().orElse("anonymous");
    }

    public boolean isAdmin() {
        return authenticationContext.hasRole(Roles.ADMIN);
    }

    public AccessScope scope() {
        return authenticationContext.getPrincipalName()
                .map(users::scopeOf)
                .orElseThrow(() -> new IllegalStateException("No signed-in user"));
    }

    public void logout() {
        authenticationContext.logout();
    }
}
