package com.trendcast.dataset;

import com.trendcast.dataset.read.Row;
import com.trendcast.dataset.read.mapping.LogicalField;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Stores click-stream events as they are, written in batches while the file streams past. */
final class EventRowHandler implements RowHandler {

    private static final int BATCH = 5_000;
    private static final int MAX_ID = 200;
    private static final int MAX_EVENT_TYPE = 100;

    private final ResolvedMapping mapping;
    private final DatasetStore store;
    private final Long datasetId;
    private final List<DatasetStore.EventRecord> pending = new ArrayList<>(BATCH);
    private long events;

    EventRowHandler(ResolvedMapping mapping, DatasetStore store, Long datasetId) {
        this.mapping = mapping;
        this.store = store;
        this.datasetId = datasetId;
    }

    @Override
    public Outcome accept(Row row) throws RowRejected {
        LocalDateTime occurredAt = mapping.requiredDateTime(row, LogicalField.TIMESTAMP);
        String eventType = mapping.requiredText(row, LogicalField.EVENT_TYPE, MAX_EVENT_TYPE);
        String userId = mapping.text(row, LogicalField.USER_ID, MAX_ID);
        String sessionId = mapping.text(row, LogicalField.SESSION_ID, MAX_ID);
        if (userId == null && sessionId == null) {
            LogicalField visitor = mapping.has(LogicalField.USER_ID) ? LogicalField.USER_ID : LogicalField.SESSION_ID;
            throw mapping.reject(row, visitor, "", "import.reject.missing");
        }
        String item = mapping.text(row, LogicalField.ITEM, MAX_ID);
        String category = mapping.text(row, LogicalField.EVENT_CATEGORY, MAX_ID);
        events++;
        if (datasetId != null) {
            pending.add(new DatasetStore.EventRecord(row.number(), occurredAt, userId, sessionId, item, eventType,
                    category));
            if (pending.size() == BATCH) {
                flush();
            }
        }
        return Outcome.IMPORTED;
    }

    private void flush() {
        store.insertEvents(datasetId, pending);
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
        return Map.of("events", BigDecimal.valueOf(events));
    }
}
