package com.trendcast.audit;

import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

import java.util.List;

/** Append-only from the application's side: there is no update or delete here on purpose. */
interface AuditEventRepository extends Repository<AuditEvent, Long> {

    AuditEvent save(AuditEvent event);

    List<AuditEvent> findAllByOrderByOccurredAtDescIdDesc(Pageable page);

    List<AuditEvent> findByUsernameAndActionOrderByIdAsc(String username, String action);
}
