package com.trendcast.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The trail of a drill-down: the root, then one crumb per level of {@code path}. Every crumb but the current one
 * is a link that hands the path up to and including its level to {@code onCrumb}.
 * <p>
 * An empty segment stands for a level that was skipped (the forecast hierarchy may have no value at a level):
 * it gets no crumb, and trailing empty segments do not count, so the current crumb is the last named level.
 * Segments are shown as they are, or through {@code label} where the path holds keys (a SKU shown with its name).
 */
public class Breadcrumb extends HorizontalLayout {

    public Breadcrumb(String id, String rootLabel, List<String> path, Consumer<List<String>> onCrumb) {
        this(id, rootLabel, path, UnaryOperator.identity(), onCrumb);
    }

    public Breadcrumb(String id, String rootLabel, List<String> path, UnaryOperator<String> label,
                      Consumer<List<String>> onCrumb) {
        setId(id);
        setSpacing(false);
        getStyle().set("gap", "var(--lumo-space-xs)");
        setAlignItems(FlexComponent.Alignment.CENTER);
        int last = path.size() - 1;
        while (last >= 0 && path.get(last).isEmpty()) {
            last--;
        }
        add(crumb(rootLabel, List.of(), last < 0, onCrumb));
        for (int depth = 0; depth <= last; depth++) {
            if (path.get(depth).isEmpty()) {
                continue;
            }
            add(new Span("›"));
            add(crumb(label.apply(path.get(depth)), List.copyOf(path.subList(0, depth + 1)), depth == last, onCrumb));
        }
    }

    private static Component crumb(String label, List<String> target, boolean current, Consumer<List<String>> onCrumb) {
        if (current) {
            Span here = new Span(label);
            here.addClassName(LumoUtility.FontWeight.SEMIBOLD);
            return here;
        }
        Button link = new Button(label, e -> onCrumb.accept(target));
        link.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        return link;
    }
}
