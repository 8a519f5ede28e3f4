package com.trendcast.audit;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;

/** Who did what and when; written in its own transaction so a failing action still leaves its trace. */
@Service
public class AuditService {

    private static final int MAX_DETAIL = 4000;

    private final AuditEventRepository events;
    private final Clock clock;

    AuditService(AuditEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String username, String action, String detail) {
        String trimmed = detail != null && detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail;
        events.save(new AuditEvent(clock.instant(), username, action, trimmed));
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> latest(int limit) {
        return events.findAllByOrderByOccurredAtDescIdDesc(PageRequest.of(0, limit)).stream()
                .map(AuditEvent::toEntry).toList();
    }

    /** The newest entries first; a blank user name or action matches all. */
    @Transactional(readOnly = true)
    public List<AuditEntry> search(String username, String action, int limit) {
        String user = username == null || username.isBlank() ? null : username.strip();
        String act = action == null || action.isBlank() ? null : action;
        return events.search(user, act, PageRequest.of(0, limit)).stream().map(AuditEvent::toEntry).toList();
    }

    @Transactional(readOnly = true)
    public List<String> actions() {
        return events.actions();
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> byUserAndAction(String username, String action) {
        return events.findByUsernameAndActionOrderByIdAsc(username, action).stream().map(AuditEvent::toEntry).toList();
    }
}
