package com.trendcast.testsupport;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.security.Principal;

/**
 * Runs Vaadin views without a browser (Karibu-Testing) inside the real Spring context, with the
 * signed-in user carried from Spring Security onto the faked request the way the servlet filter
 * would in a real server. View data loads on the test thread ({@link InlineViewLoading}).
 */
@SpringBootTest
@Import(InlineViewLoading.class)
public abstract class KaribuSpringTest {

    private static final Routes ROUTES = new Routes().autoDiscoverViews("com.trendcast");

    @Autowired
    protected ApplicationContext context;

    @Autowired
    private UserDetailsService userDetailsService;

    /** Starts a fresh UI for an anonymous visitor. */
    protected void openAnonymous() {
        SecurityContextHolder.clearContext();
        setUp(null);
    }

    /** Starts a fresh UI signed in as {@code username}, with the roles stored in the database. */
    protected void openAs(String username) {
        UserDetails user = userDetailsService.loadUserByUsername(username);
        Authentication authentication = UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.getAuthorities());
        SecurityContextHolder.getContext().setAuthentication(authentication);
        setUp(authentication);
    }

    private void setUp(Authentication authentication) {
        MockVaadin.setMockRequestFactory(session -> {
            FakeRequest request = new FakeRequest(session);
            if (authentication != null) {
                request.setUserPrincipalInt((Principal) authentication);
                request.setUserInRole((principal, role) -> authentication.getAuthorities().stream()
                        .anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
            }
            return request;
        });
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }
}
