package com.trendcast.testsupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A browser test ({@code *BrowserIT}): the application on a random port and a fresh {@link Browser} for every
 * test, closed after it. The browser starts before the subclass's own set-up, which may therefore use it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class BrowserSpringTest {

    @LocalServerPort
    private int port;
    @Value("${trendcast.admin.password}")
    private String adminPassword;

    protected Browser browser;

    @BeforeEach
    void startBrowser() throws IOException {
        browser = Browser.start(port, downloadFolder());
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /** Where the browser saves downloads without asking; null (the default) for a test that downloads nothing. */
    protected Path downloadFolder() throws IOException {
        return null;
    }

    /** Opens {@code path} signed in as the administrator of the test configuration. */
    protected void signInAsAdmin(String path) {
        browser.signIn(path, "admin", adminPassword);
    }
}
