package com.trendcast.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client's counters against message orders a push channel beside an XHR channel produces. Runs with the
 * benchmarks' command ({@code -Dtest=UidlSequenceTest -Dsurefire.excludes=none}).
 */
class UidlSequenceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final UidlSequence sequence = new UidlSequence();

    @BeforeEach
    void initialUidl() {
        // v-r=init: the first server message, syncId 0, expecting clientId 0.
        assertThat(sequence.offer(message(0, 0))).hasSize(1);
    }

    @Test
    void aPushWrittenBeforeTheRequestWasProcessedDoesNotWindTheClientIdBack() {
        assertThat(sequence.takeClientId()).isEqualTo(0);
        assertThat(sequence.offer(message(1, 1))).hasSize(1);
        assertThat(sequence.takeClientId()).isEqualTo(1);
        // The server pushed syncId 2 (still expecting clientId 1) just before it processed clientId 1 and answered
        // with syncId 3 expecting 2; the answer came first on its own connection.
        JsonNode answer = message(3, 2);
        JsonNode latePush = message(2, 1);

        assertThat(sequence.offer(answer)).isEmpty();
        assertThat(sequence.lastSeenSyncId()).isEqualTo(1);
        assertThat(sequence.offer(latePush)).containsExactly(latePush, answer);

        assertThat(sequence.lastSeenSyncId()).isEqualTo(3);
        assertThat(sequence.takeClientId()).isEqualTo(2);
    }

    @Test
    void anOlderExpectationAppliedAfterANewerOneIsIgnored() {
        sequence.takeClientId();
        sequence.takeClientId();
        // Only a resynchronisation may lower the counter: a lower expectation in a later message is not obeyed.
        sequence.offer(message(1, 2));
        sequence.offer(message(2, 1));

        assertThat(sequence.takeClientId()).isEqualTo(2);
    }

    @Test
    void theServerMayMoveTheClientIdForward() {
        sequence.takeClientId();
        sequence.offer(message(1, 5));

        assertThat(sequence.takeClientId()).isEqualTo(5);
        assertThat(sequence.takeClientId()).isEqualTo(6);
    }

    @Test
    void aRepeatedMessageIsDropped() {
        JsonNode push = message(1, 0);
        assertThat(sequence.offer(push)).hasSize(1);

        assertThat(sequence.offer(push)).isEmpty();
        assertThat(sequence.describe()).contains("1 repeated messages dropped");
    }

    @Test
    void heldMessagesWaitForTheMissingOneAndSayWhichItIs() {
        assertThat(sequence.offer(message(3, 0))).isEmpty();
        assertThat(sequence.offer(message(4, 0))).isEmpty();

        assertThat(sequence.waitingNanos()).isPositive();
        assertThat(sequence.describe()).contains("waiting for syncId 1 with [3, 4] held");

        assertThat(sequence.offer(message(2, 0))).isEmpty();
        assertThat(sequence.offer(message(1, 0))).extracting(UidlSequence::syncId).containsExactly(1, 2, 3, 4);
        assertThat(sequence.waitingNanos()).isZero();
    }

    @Test
    void aResynchronizationAppliesOverAGapDropsOlderHeldMessagesAndSetsTheClientIdEvenBackwards() {
        sequence.takeClientId();
        sequence.takeClientId();
        sequence.takeClientId();
        sequence.offer(message(3, 3));
        sequence.offer(message(5, 3));

        JsonNode resync = JSON.createObjectNode().put("syncId", 6).put("clientId", 2).put("resynchronize", true);
        assertThat(sequence.offer(resync)).containsExactly(resync);

        assertThat(sequence.lastSeenSyncId()).isEqualTo(6);
        assertThat(sequence.waitingNanos()).isZero();
        assertThat(sequence.takeClientId()).isEqualTo(2);
        assertThat(sequence.offer(message(5, 3))).isEmpty();
    }

    @Test
    void aMessageWithoutSyncIdIsAppliedAtOnceAndLeavesTheSyncIdAlone() {
        sequence.offer(message(3, 0));
        JsonNode expired = JSON.createObjectNode().set("meta", JSON.createObjectNode().put("sessionExpired", true));

        assertThat(sequence.offer(expired)).containsExactly(expired);
        assertThat(sequence.lastSeenSyncId()).isZero();
    }

    @Test
    void resetStartsANewUi() {
        sequence.takeClientId();
        sequence.offer(message(2, 1));
        sequence.reset();

        assertThat(sequence.lastSeenSyncId()).isEqualTo(UidlSequence.UNDEFINED);
        assertThat(sequence.waitingNanos()).isZero();
        assertThat(sequence.offer(message(0, 0))).hasSize(1);
        assertThat(sequence.takeClientId()).isZero();
    }

    private static JsonNode message(int syncId, int clientId) {
        return JSON.createObjectNode().put("syncId", syncId).put("clientId", clientId);
    }
}
