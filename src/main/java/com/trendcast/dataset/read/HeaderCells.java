package com.trendcast.dataset.read;

import com.trendcast.common.SafeText;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Turns the raw first row into usable, unique column names, because mappings are keyed by column name. */
final class HeaderCells {

    private HeaderCells() {
    }

    static List<String> clean(List<String> rawCells) {
        List<String> names = new ArrayList<>(rawCells.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rawCells.size(); i++) {
            String base = SafeText.clean(rawCells.get(i)).strip();
            if (base.isEmpty()) {
                base = "Column " + (i + 1);
            }
            String name = base;
            for (int copy = 2; !seen.add(name); copy++) {
                name = base + " (" + copy + ")";
            }
            names.add(name);
        }
        return List.copyOf(names);
    }

    static boolean isBlank(List<String> cells) {
        for (String cell : cells) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
