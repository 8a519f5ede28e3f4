package com.trendcast.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.List;

/** A request authenticated by a personal API token: the owner's name and role, and which token it was. */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final ApiTokenService.TokenOwner owner;

    ApiTokenAuthentication(ApiTokenService.TokenOwner owner) {
        super(List.of(new SimpleGrantedAuthority(owner.role().authority())));
        this.owner = owner;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return owner.username();
    }

    long tokenId() {
        return owner.tokenId();
    }
}
