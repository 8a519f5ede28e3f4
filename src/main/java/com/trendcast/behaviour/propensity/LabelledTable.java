package com.trendcast.behaviour.propensity;

import com.trendcast.common.UserFacingException;
import com.trendcast.dataset.read.Row;
import com.trendcast.dataset.read.RowReader;
import com.trendcast.dataset.read.TabularSource;
import com.trendcast.dataset.read.value.ValueFormatException;
import com.trendcast.dataset.read.value.ValueParsers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A table of sessions read through the importer's reading core: the raw text of every feature column,
 * and the outcome label when the file has one. Sessions files are small (thousands to a few hundred
 * thousand rows), so they are held in memory as columns.
 */
public record LabelledTable(List<String> featureNames, List<String[]> rows, boolean[] labels) {

    public int size() {
        return rows.size();
    }

    public boolean hasLabels() {
        return labels != null;
    }

    /**
     * Reads {@code file}; {@code labelColumn} must exist when {@code labelRequired}, and is dropped from
     * the features whenever present, so a scoring file may carry or lack it.
     */
    public static LabelledTable read(Path file, String labelColumn, boolean labelRequired) {
        try (RowReader reader = TabularSource.open(file).openRows()) {
            List<String> header = reader.header();
            int labelIndex = indexOfIgnoreCase(header, labelColumn);
            if (labelIndex < 0 && labelRequired) {
                throw new UserFacingException("propensity.label.missing", labelColumn, String.join(", ", header));
            }
            List<String> features = new ArrayList<>(header);
            if (labelIndex >= 0) {
                features.remove(labelIndex);
            }
            List<String[]> rows = new ArrayList<>();
            List<Boolean> labels = new ArrayList<>();
            while (reader.hasNext()) {
                Row row = reader.next();
                String[] values = new String[features.size()];
                int target = 0;
                for (int c = 0; c < header.size(); c++) {
                    if (c != labelIndex) {
                        values[target++] = row.value(c).strip();
                    }
                }
                rows.add(values);
                if (labelIndex >= 0) {
                    labels.add(parseLabel(row, labelIndex, labelColumn));
                }
            }
            boolean[] labelArray = null;
            if (labelIndex >= 0) {
                labelArray = new boolean[labels.size()];
                for (int i = 0; i < labelArray.length; i++) {
                    labelArray[i] = labels.get(i);
                }
            }
            return new LabelledTable(List.copyOf(features), rows, labelArray);
        }
    }

    private static boolean parseLabel(Row row, int labelIndex, String labelColumn) {
        String raw = row.value(labelIndex);
        try {
            Boolean flag = ValueParsers.parseFlag(raw);
            if (flag != null) {
                return flag;
            }
        } catch (ValueFormatException notAFlag) {
            throw new UserFacingException(notAFlag, "propensity.label.invalid", row.number(), labelColumn, raw);
        }
        throw new UserFacingException("propensity.label.invalid", row.number(), labelColumn, raw);
    }

    private static int indexOfIgnoreCase(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).strip().toLowerCase(Locale.ROOT).equals(name.strip().toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }

    /** The rows at {@code indices}, as a table of their own. */
    public LabelledTable subset(int[] indices) {
        List<String[]> chosen = new ArrayList<>(indices.length);
        boolean[] chosenLabels = labels == null ? null : new boolean[indices.length];
        for (int i = 0; i < indices.length; i++) {
            chosen.add(rows.get(indices[i]));
            if (chosenLabels != null) {
                chosenLabels[i] = labels[indices[i]];
            }
        }
        return new LabelledTable(featureNames, chosen, chosenLabels);
    }
}
