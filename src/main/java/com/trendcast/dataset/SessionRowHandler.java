package com.trendcast.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.trendcast.dataset.read.Row;
import com.trendcast.dataset.read.mapping.LogicalField;
import com.trendcast.dataset.read.value.NumberFormatGuess;
import com.trendcast.dataset.read.value.ValueFormatException;
import com.trendcast.dataset.read.value.ValueParsers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stores one row per session: the label and the feature columns, numeric ones as numbers and the others as
 * text (a column is numeric when every value in the sample reads as a number). Rows are written in batches
 * while the file streams past.
 */
final class SessionRowHandler implements RowHandler {

    private static final int BATCH = 2_000;
    private static final int MAX_VALUES_CHARS = 8_000;

    private final ResolvedMapping mapping;
    private final DatasetStore store;
    private final Long datasetId;
    private final ObjectMapper json;
    private final List<DatasetStore.SessionFeature> features = new ArrayList<>();
    private final List<Integer> numericColumns = new ArrayList<>();
    private final List<NumberFormatGuess> numericFormats = new ArrayList<>();
    private final List<Integer> categoricalColumns = new ArrayList<>();
    private final List<DatasetStore.SessionRecord> pending = new ArrayList<>(BATCH);
    private long sessions;
    private long purchases;

    SessionRowHandler(ResolvedMapping mapping, List<Row> sample, DatasetStore store, Long datasetId,
                      ObjectMapper json) {
        this.mapping = mapping;
        this.store = store;
        this.datasetId = datasetId;
        this.json = json;
        for (String column : mapping.featureColumns()) {
            int index = mapping.header().indexOf(column);
            List<String> values = sample.stream().map(row -> row.value(index))
                    .filter(value -> !ValueParsers.isAbsent(value)).toList();
            NumberFormatGuess format = ValueParsers.guessNumberFormat(values);
            boolean numeric = !values.isEmpty() && values.stream().allMatch(value -> ValueParsers.isNumber(value, format));
            if (numeric) {
                numericColumns.add(index);
                numericFormats.add(format);
            } else {
                categoricalColumns.add(index);
            }
        }
        int position = 0;
        for (int index : numericColumns) {
            features.add(new DatasetStore.SessionFeature(position++, mapping.header().get(index), true));
        }
        for (int index : categoricalColumns) {
            features.add(new DatasetStore.SessionFeature(position++, mapping.header().get(index), false));
        }
        if (datasetId != null) {
            store.insertSessionFeatures(datasetId, features);
        }
    }

    @Override
    public Outcome accept(Row row) throws RowRejected {
        Boolean label = mapping.flag(row, LogicalField.LABEL);
        if (label == null) {
            throw mapping.reject(row, LogicalField.LABEL, mapping.raw(row, LogicalField.LABEL), "import.reject.missing");
        }
        List<Double> numbers = new ArrayList<>(numericColumns.size());
        for (int i = 0; i < numericColumns.size(); i++) {
            int column = numericColumns.get(i);
            String value = row.value(column);
            try {
                BigDecimal number = ValueParsers.parseNumber(value, numericFormats.get(i));
                numbers.add(number == null ? null : number.doubleValue());
            } catch (ValueFormatException e) {
                throw new RowRejected(new RowProblem(row.number(), mapping.header().get(column), value,
                        "import.reject.number", List.of()));
            }
        }
        List<String> texts = new ArrayList<>(categoricalColumns.size());
        for (int column : categoricalColumns) {
            String value = row.value(column).strip();
            texts.add(ValueParsers.isAbsent(value) ? null : value);
        }
        String numericJson = toJson(numbers);
        String categoricalJson = toJson(texts);
        if (numericJson.length() > MAX_VALUES_CHARS || categoricalJson.length() > MAX_VALUES_CHARS) {
            throw new RowRejected(new RowProblem(row.number(), "", "", "import.reject.rowTooLong",
                    List.of(MAX_VALUES_CHARS)));
        }
        sessions++;
        if (label) {
            purchases++;
        }
        if (datasetId != null) {
            pending.add(new DatasetStore.SessionRecord(row.number(), label, numericJson, categoricalJson));
            if (pending.size() == BATCH) {
                flush();
            }
        }
        return Outcome.IMPORTED;
    }

    private String toJson(List<?> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Plain numbers and strings always serialise", e);
        }
    }

    private void flush() {
        store.insertSessions(datasetId, pending);
        pending.clear();
    }

    @Override
    public void finish() {
        if (datasetId != null && !pending.isEmpty()) {
            flush();
        }
    }

    @Override
    public Map<String, BigDecimal> totals() {
        return Map.of("sessions", BigDecimal.valueOf(sessions), "purchases", BigDecimal.valueOf(purchases));
    }
}
