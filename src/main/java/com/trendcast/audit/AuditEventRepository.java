package com.trendcast.audit;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

import java.util.List;

/** Append-only from the application's side: there is no update or delete here on purpose. */
interface AuditEventRepository extends Repository<AuditEvent, Long> {

    AuditEvent save(AuditEvent event);

    List<AuditEvent> findAllByOrderByOccurredAtDescIdDesc(Pageable page);

    List<AuditEvent> findByUsernameAndActionOrderByIdAsc(String username, String action);

    @Query("select e from AuditEvent e where (:username is null or lower(e.username) like lower(concat('%', :username, '%')))"
            + " and (:action is null or e.action = :action) order by e.occurredAt desc, e.id desc")
    List<AuditEvent> search(@Param("username") String username, @Param("action") String action, Pageable page);

    @Query("select distinct e.action from AuditEvent e order by e.action")
    List<String> actions();
}
