package com.trendcast.security;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whose data a request may touch: admins see every category, managers only those assigned to them.
 * Services take a scope instead of reading the security context, so the UI, the REST API and the
 * command line share one enforcement path.
 */
public record AccessScope(String username, boolean admin, Set<String> categories) {

    public AccessScope {
        categories = Set.copyOf(categories);
    }

    /** The operator's scope for command-line use on the server itself: everything. */
    public static AccessScope operator() {
        return new AccessScope("cli", true, Set.of());
    }

    public boolean canSeeCategory(String category) {
        return admin || categories.contains(category);
    }

    /** The categories of {@code requested} this scope may see; all of them for an admin. */
    public Set<String> visibleAmong(Collection<String> requested) {
        Set<String> visible = new TreeSet<>();
        for (String category : requested) {
            if (canSeeCategory(category)) {
                visible.add(category);
            }
        }
        return visible;
    }
}
