package com.trendcast.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The trail: the root, a link per level above the current one, the current level as plain text. */
class BreadcrumbTest {

    private final List<List<String>> chosen = new ArrayList<>();

    @BeforeEach
    void openUi() {
        MockVaadin.setup();
    }

    @AfterEach
    void close() {
        MockVaadin.tearDown();
    }

    @Test
    void atTheRootTheTrailIsTheRootAloneAndNoLink() {
        Breadcrumb trail = show(List.of());

        assertThat(trail.getId()).contains("test-breadcrumb");
        assertThat(trail.getElement().getTextRecursively()).isEqualTo("All");
        assertThat(_find(trail, Button.class)).isEmpty();
    }

    @Test
    void everyLevelAboveTheCurrentOneLinksToItsPath() {
        Breadcrumb trail = show(List.of("Kitchen", "Cookware", "Pans"));

        assertThat(trail.getElement().getTextRecursively()).isEqualTo("All›Kitchen›Cookware›Pans");
        assertThat(_find(trail, Button.class)).extracting(Button::getText).containsExactly("All", "Kitchen", "Cookware");
        Component current = trail.getChildren().reduce((first, second) -> second).orElseThrow();
        assertThat(current).isInstanceOf(Span.class);
        assertThat(((Span) current).getText()).isEqualTo("Pans");
        assertThat(current.getElement().getClassList()).contains("font-semibold");

        _click(_get(trail, Button.class, spec -> spec.withText("Cookware")));
        _click(_get(trail, Button.class, spec -> spec.withText("All")));

        assertThat(chosen).containsExactly(List.of("Kitchen", "Cookware"), List.of());
    }

    @Test
    void unchosenLevelsGetNoCrumbAndTheLastNamedLevelIsCurrent() {
        Breadcrumb trail = show(List.of("Kitchen", "", "Pans", ""));

        assertThat(trail.getElement().getTextRecursively()).isEqualTo("All›Kitchen›Pans");
        assertThat(_find(trail, Button.class)).extracting(Button::getText).containsExactly("All", "Kitchen");

        _click(_get(trail, Button.class, spec -> spec.withText("Kitchen")));

        assertThat(chosen).containsExactly(List.of("Kitchen"));
    }

    private Breadcrumb show(List<String> path) {
        Breadcrumb trail = new Breadcrumb("test-breadcrumb", "All", path, chosen::add);
        UI.getCurrent().add(trail);
        return trail;
    }
}
