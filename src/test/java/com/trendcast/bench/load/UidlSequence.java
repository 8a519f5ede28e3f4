package com.trendcast.bench.load;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The two counters of one Vaadin Flow UI as the flow client keeps them, and the order in which it applies server
 * messages. Server messages (answers to UIDL requests and pushes) share one sequence of {@code syncId}s; the
 * client's messages carry a {@code clientId} that the server requires to be exactly one more than the last one it
 * processed ("Unexpected message id from the client" otherwise).
 *
 * <ul>
 * <li><b>Order.</b> Messages are applied in {@code syncId} order. A push and the answer to a request travel on two
 *     connections, so the answer with {@code syncId} n+1 may arrive before the push with n: it is held until n has
 *     been applied. A message whose {@code syncId} was already applied is a repeat and is dropped. A message
 *     without one ({@code -1}, e.g. a session-expired notice) is applied at once.</li>
 * <li><b>clientId.</b> Each message sent takes the next id. Every server message says which id the server expects
 *     next, as of when it was written. That figure only ever moves the counter forward: a message written before the
 *     server processed our last request (a push that was on its way while we sent) names an id we have already
 *     used, and obeying it would send that id again. Only a resynchronisation answer sets it unconditionally.</li>
 * <li><b>Resynchronisation.</b> An answer flagged {@code resynchronize} carries the whole UI state: it is applied
 *     even when messages before it are missing, and anything older still held is dropped.</li>
 * </ul>
 *
 * Not thread-safe: the virtual user's thread is the only one that calls it.
 */
final class UidlSequence {

    static final int UNDEFINED = -1;

    private int lastSeenSyncId = UNDEFINED;
    private int nextClientId;
    private final TreeMap<Integer, JsonNode> held = new TreeMap<>();
    private long heldSince;
    private int repeatsDropped;

    /** A fresh UI (after {@code v-r=init}): nothing seen, nothing sent. */
    void reset() {
        lastSeenSyncId = UNDEFINED;
        nextClientId = 0;
        held.clear();
        repeatsDropped = 0;
    }

    /** The {@code clientId} for a message about to be sent; from now on it counts as used. */
    int takeClientId() {
        return nextClientId++;
    }

    /** The {@code syncId} a message sent now must carry: the last server message applied. */
    int lastSeenSyncId() {
        return lastSeenSyncId;
    }

    /**
     * Takes one server message and answers the messages that can be applied now, in order: none when it is a
     * repeat or must wait for an earlier one, several when it fills a gap.
     */
    List<JsonNode> offer(JsonNode uidl) {
        int syncId = syncId(uidl);
        List<JsonNode> ready = new ArrayList<>();
        if (syncId == UNDEFINED) {
            apply(uidl, ready);
            return ready;
        }
        if (isResynchronization(uidl)) {
            held.headMap(syncId, true).clear();
            lastSeenSyncId = syncId - 1;
        }
        if (syncId <= lastSeenSyncId) {
            repeatsDropped++;
            return ready;
        }
        if (syncId > lastSeenSyncId + 1) {
            if (held.isEmpty()) {
                heldSince = System.nanoTime();
            }
            held.put(syncId, uidl);
            return ready;
        }
        apply(uidl, ready);
        while (!held.isEmpty() && held.firstKey() <= lastSeenSyncId + 1) {
            JsonNode next = held.pollFirstEntry().getValue();
            if (syncId(next) == lastSeenSyncId + 1) {
                apply(next, ready);
            } else {
                repeatsDropped++;
            }
        }
        if (!held.isEmpty()) {
            heldSince = System.nanoTime();
        }
        return ready;
    }

    /** Nanoseconds since the oldest held message has been waiting (0 when none waits). */
    long waitingNanos() {
        return held.isEmpty() ? 0 : System.nanoTime() - heldSince;
    }

    /** The counters, for error messages: enough to tell which side lost count. */
    String describe() {
        return "last syncId applied " + lastSeenSyncId + ", next clientId " + nextClientId
                + (held.isEmpty() ? "" : ", waiting for syncId " + (lastSeenSyncId + 1) + " with " + held.keySet() + " held")
                + (repeatsDropped == 0 ? "" : ", " + repeatsDropped + " repeated messages dropped");
    }

    private void apply(JsonNode uidl, List<JsonNode> ready) {
        if (uidl.has("clientId")) {
            int serverExpects = uidl.path("clientId").asInt();
            if (isResynchronization(uidl) || serverExpects > nextClientId) {
                nextClientId = serverExpects;
            }
        }
        int syncId = syncId(uidl);
        if (syncId != UNDEFINED) {
            lastSeenSyncId = syncId;
        }
        ready.add(uidl);
    }

    static int syncId(JsonNode uidl) {
        return uidl.path("syncId").asInt(UNDEFINED);
    }

    static boolean isResynchronization(JsonNode uidl) {
        return uidl.path("resynchronize").asBoolean(false);
    }
}
