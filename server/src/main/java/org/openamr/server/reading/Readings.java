package org.openamr.server.reading;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.openamr.server.api.Page;
import org.openamr.server.meter.MeterVisibility;
import org.openamr.server.security.AccessScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads stored readings, filtered by {@link MeterVisibility#reading}. */
@Repository
public class Readings {

    private final JdbcClient jdbc;

    public Readings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Page<Reading> ofMeter(AccessScope scope, long meterId, Instant from, Instant to, String quantity, int page,
            int size) {
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("meter", meterId);
        params.put("from", Timestamp.from(from));
        params.put("to", Timestamp.from(to));
        String where = " from reading r join register g on g.id = r.register_id"
                + " where g.meter_id = :meter and r.measured_at >= :from and r.measured_at < :to"
                + " and " + MeterVisibility.reading(scope, "g.meter_id", "r.measured_at");
        if (quantity != null) {
            where += " and g.quantity = :quantity";
            params.put("quantity", quantity);
        }
        return Page.of(jdbc, "select g.quantity, g.unit, g.storage, g.tariff, g.subunit, g.function, r.measured_at,"
                        + " r.value, r.source, r.received_at", where,
                "r.measured_at desc, g.quantity, g.storage, g.tariff, g.subunit", params,
                (rs, n) -> new Reading(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getInt(4), rs.getInt(5),
                        rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getBigDecimal(8).toPlainString(),
                        rs.getString(9), rs.getTimestamp(10).toInstant()), page, size);
    }
}
