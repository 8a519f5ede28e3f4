package com.trendcast.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "audit_event")
class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(length = 100, updatable = false)
    private String username;

    @Column(nullable = false, length = 60, updatable = false)
    private String action;

    @Column(length = 4000, updatable = false)
    private String detail;

    protected AuditEvent() {
    }

    AuditEvent(Instant occurredAt, String username, String action, String detail) {
        this.occurredAt = occurredAt;
        this.username = username;
        this.action = action;
        this.detail = detail;
    }

    AuditEntry toEntry() {
        return new AuditEntry(occurredAt, username, action, detail);
    }
}
