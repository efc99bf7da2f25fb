package org.openamr.server.alarm.notify;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.openamr.server.alarm.RuleKind;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Alarms raised as the evaluation raises them: the alarm rows in one transaction (one statement), their outbox
 * changes written by the trigger of V16 as for the evaluator's. Stands in for an evaluator run, which needs readings
 * and schedules that make each rule hold.
 */
final class Alarms {

    private Alarms() {
    }

    /** NO_READINGS for each meter, as when a channel or collector goes quiet: one transaction for all of them. */
    static void raiseSilence(JdbcClient jdbc, List<Long> meters, Instant at) {
        raise(jdbc, RuleKind.NO_READINGS, meters, at);
    }

    /**
     * An open alarm of the rule for each meter, at its current installation (building, premise), through its channel,
     * labelled with the address, apartment and serial (its RAISED change follows by trigger).
     */
    static void raise(JdbcClient jdbc, RuleKind rule, List<Long> meters, Instant at) {
        jdbc.sql("""
                insert into alarm (rule, severity, object_kind, object_id, building_id, premise_id, channel_id,
                    object_label, raised_at, raised_evidence_at, raised_detail)
                select distinct on (m.id) :rule, :severity, 'METER', m.public_id, p.building_id, p.premise_id,
                    m.channel_id, b.address || coalesce(', кв. ' || pr.number, '') || ', прибор ' || m.serial,
                    :at, :at, 'no reading since ' || :at
                from meter m join meter_installation i on i.meter_id = m.id and i.removed_at is null
                join metering_point p on p.id = i.point_id
                join building b on b.id = p.building_id
                left join premise pr on pr.id = p.premise_id
                where m.id = any(:meters)
                order by m.id, i.installed_at desc""")
                .param("rule", rule.name()).param("severity", rule.severity().name())
                .param("at", Timestamp.from(at)).param("meters", meters.toArray(Long[]::new)).update();
    }

    /** The open alarms of the rule at the meters cleared in one transaction (their CLEARED changes by trigger). */
    static void clear(JdbcClient jdbc, RuleKind rule, List<Long> meters, Instant at) {
        jdbc.sql("""
                update alarm a set cleared_at = :at, cleared_evidence_at = :at, cleared_detail = 'a reading came'
                from meter m where m.id = any(:meters) and a.object_kind = 'METER' and a.object_id = m.public_id
                    and a.rule = :rule and a.cleared_at is null""")
                .param("rule", rule.name()).param("at", Timestamp.from(at))
                .param("meters", meters.toArray(Long[]::new)).update();
    }
}
