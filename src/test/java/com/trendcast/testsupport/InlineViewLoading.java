package com.trendcast.testsupport;

import com.trendcast.ui.ViewLoader;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Karibu tests run views without a browser or push: their data loads on the calling thread, so a view is
 * complete when navigation returns. The background path itself is tested with its own executor in
 * {@code ViewLoaderTest}.
 */
@TestConfiguration
public class InlineViewLoading {

    @Bean
    @Primary
    ViewLoader inlineViewLoader() {
        return new ViewLoader(Runnable::run);
    }
}
