package com.trendcast.audit;

import java.time.Instant;

public record AuditEntry(Instant occurredAt, String username, String action, String detail) {
}
