package com.trendcast.bench.load;

import com.trendcast.security.Role;

import java.util.List;

/**
 * Who virtual user {@code i} is, fixed so that the setup that creates the accounts and the load that signs in
 * with them agree: every fifth an admin (all categories, the heaviest queries), the others managers of one
 * top-level category of the demo data, whose drill path (category › sub-category) they browse.
 */
final class LoadAccounts {

    /** Top-level categories of the demo data with one of their sub-categories (see {@code OnlineRetailCategories}). */
    static final List<List<String>> DRILL_PATHS = List.of(
            List.of("Kitchen", "Tableware"),
            List.of("Home décor", "Lighting"),
            List.of("Bags & Storage", "Storage"),
            List.of("Seasonal", "Christmas"),
            List.of("Stationery", "Cards & Wrap"));

    private LoadAccounts() {
    }

    static Role role(int index) {
        return index % 5 == 0 ? Role.ADMIN : Role.MANAGER;
    }

    /** The category › sub-category path this user drills into (admins too, to vary their queries). */
    static List<String> drillPath(int index) {
        return DRILL_PATHS.get((role(index) == Role.ADMIN ? index / 5 : index) % DRILL_PATHS.size());
    }

    /** The categories assigned to the account: none for an admin, who sees all. */
    static List<String> categories(int index) {
        return role(index) == Role.ADMIN ? List.of() : List.of(drillPath(index).get(0));
    }
}
