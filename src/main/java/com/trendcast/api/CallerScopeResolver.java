package com.trendcast.api;

import com.trendcast.security.AccessScope;
import com.trendcast.security.UserService;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.security.Principal;

/**
 * Gives API controllers an {@link AccessScope} parameter: the caller's role and categories read fresh from the
 * database, so a change to a user's categories applies to their tokens at once.
 */
class CallerScopeResolver implements HandlerMethodArgumentResolver {

    private final UserService users;

    CallerScopeResolver(UserService users) {
        this.users = users;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == AccessScope.class;
    }

    @Override
    public AccessScope resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                       NativeWebRequest request, WebDataBinderFactory binderFactory) {
        // The principal as the security chain set it on the request, whichever context holder strategy it used.
        Principal caller = request.getUserPrincipal();
        if (caller == null) {
            throw new IllegalStateException("API controllers run only behind the token filter");
        }
        return users.scopeOf(caller.getName());
    }
}
