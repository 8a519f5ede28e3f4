package com.trendcast.forecast.engine.hierarchy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tree of series keys built from the bottom-level keys: every prefix of a bottom key is an aggregate node, e.g.
 * {@code [L1, L2, L3, sku]} lies under {@code [L1, L2, L3]}, {@code [L1, L2]}, {@code [L1]} and the total
 * {@code []}.
 */
public final class Hierarchy {

    private final List<List<String>> bottom;
    private final List<List<String>> nodes;
    private final Map<List<String>, List<List<String>>> children;

    private Hierarchy(List<List<String>> bottom, List<List<String>> nodes,
                      Map<List<String>, List<List<String>>> children) {
        this.bottom = bottom;
        this.nodes = nodes;
        this.children = children;
    }

    /**
     * @throws IllegalArgumentException if a bottom key repeats, is empty, or is a prefix of another bottom key
     */
    public static Hierarchy fromBottomKeys(Collection<List<String>> bottomKeys) {
        List<List<String>> bottom = bottomKeys.stream().map(List::copyOf).toList();
        Set<List<String>> bottomSet = new LinkedHashSet<>(bottom);
        if (bottomSet.size() != bottom.size()) {
            throw new IllegalArgumentException("Bottom keys must be unique");
        }
        Set<List<String>> allNodes = new LinkedHashSet<>();
        Map<List<String>, List<List<String>>> children = new LinkedHashMap<>();
        for (List<String> key : bottom) {
            if (key.isEmpty()) {
                throw new IllegalArgumentException("A bottom key must not be empty");
            }
            for (int depth = 0; depth <= key.size(); depth++) {
                List<String> node = key.subList(0, depth);
                if (depth < key.size() && bottomSet.contains(node)) {
                    throw new IllegalArgumentException("Bottom key " + node + " is also an aggregate of " + key);
                }
                if (allNodes.add(node) && depth > 0) {
                    children.computeIfAbsent(key.subList(0, depth - 1), parent -> new ArrayList<>()).add(node);
                }
            }
        }
        List<List<String>> ordered = allNodes.stream().sorted(Comparator.comparingInt(List::size)).toList();
        Map<List<String>, List<List<String>>> frozen = new LinkedHashMap<>();
        children.forEach((parent, kids) -> frozen.put(parent, List.copyOf(kids)));
        return new Hierarchy(bottom, ordered, frozen);
    }

    /** Bottom keys in the order given. */
    public List<List<String>> bottom() {
        return bottom;
    }

    /** All nodes, the total first and parents before their children. */
    public List<List<String>> nodes() {
        return nodes;
    }

    /** All nodes, children before their parents and the total last. */
    public List<List<String>> nodesBottomUp() {
        List<List<String>> reversed = new ArrayList<>(nodes);
        Collections.reverse(reversed);
        return reversed;
    }

    /** Direct children of {@code node}; empty for a bottom node. */
    public List<List<String>> childrenOf(List<String> node) {
        return children.getOrDefault(node, List.of());
    }

    public boolean isBottom(List<String> node) {
        return !children.containsKey(node) && nodes.contains(node);
    }
}
