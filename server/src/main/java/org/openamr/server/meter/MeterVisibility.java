package org.openamr.server.meter;

import org.openamr.server.security.AccessScope;
import org.openamr.server.sql.Sql;

/**
 * Which meters and which of their readings a scope may see. A meter belongs to whoever sees a point
 * it is or was installed at; a meter never installed (found by a search or a push) belongs to whoever
 * sees the whole building of the channel that found it. Readings are narrower: only those taken
 * while the meter hung at a visible point, so that a meter moved to another building does not
 * carry its new owner's data back to the old one.
 *
 * <p>{@link #reading} is a per-row predicate, right for few rows (events, a page of readings). For the
 * newest reading of a meter use {@link #windows} instead: the access check runs once per installation,
 * and each window is a range of the reading table's primary key {@code (register_id, measured_at)}, so
 * the newest value is one backward index probe instead of a check of every reading the meter ever sent.
 */
public final class MeterVisibility {

    private MeterVisibility() {
    }

    /** SQL true for meter rows {@code m} the scope sees. */
    public static Sql meter(AccessScope scope, String m) {
        if (scope instanceof AccessScope.Everything) {
            return Sql.TRUE;
        }
        Sql installedVisibly = Sql.format("exists (select 1 from meter_installation vis_i"
                + " join metering_point vis_p on vis_p.id = vis_i.point_id where vis_i.meter_id = " + m + ".id and %s)",
                scope.visible("vis_p.building_id", "vis_p.premise_id"));
        Sql foundVisibly = Sql.format("not exists (select 1 from meter_installation vis_i2 where vis_i2.meter_id = "
                + m + ".id) and exists (select 1 from acquisition_channel vis_c where vis_c.id = " + m
                + ".channel_id and %s)", scope.wholeBuilding("vis_c.building_id"));
        return installedVisibly.or(foundVisibly);
    }

    /** SQL true for a reading at {@code measuredAt} of meter {@code meterId} the scope sees. */
    public static Sql reading(AccessScope scope, String meterId, String measuredAt) {
        if (scope instanceof AccessScope.Everything) {
            return Sql.TRUE;
        }
        Sql whileVisible = Sql.format("exists (select 1 from meter_installation vr_i"
                + " join metering_point vr_p on vr_p.id = vr_i.point_id where vr_i.meter_id = " + meterId
                + " and " + measuredAt + " >= vr_i.installed_at"
                + " and (vr_i.removed_at is null or " + measuredAt + " <= vr_i.removed_at) and %s)",
                scope.visible("vr_p.building_id", "vr_p.premise_id"));
        Sql foundVisibly = Sql.format("not exists (select 1 from meter_installation vr_i2 where vr_i2.meter_id = "
                + meterId + ") and exists (select 1 from meter vr_m join acquisition_channel vr_c on vr_c.id = vr_m.channel_id"
                + " where vr_m.id = " + meterId + " and %s)", scope.wholeBuilding("vr_c.building_id"));
        return whileVisible.or(foundVisibly);
    }

    /**
     * A subquery of the time windows {@code (from_at, to_at)}, both inclusive and never null, in which the
     * scope sees readings of meter {@code meterId}: exactly the readings {@link #reading} admits. Windows of
     * one meter never overlap (a meter hangs at one point at a time), so the newest reading is the newest
     * over the windows.
     */
    public static Sql windows(AccessScope scope, String meterId) {
        if (scope instanceof AccessScope.Everything) {
            return Sql.of("select '-infinity'::timestamptz as from_at, 'infinity'::timestamptz as to_at");
        }
        return Sql.format("select vw_i.installed_at as from_at, coalesce(vw_i.removed_at, 'infinity') as to_at"
                + " from meter_installation vw_i join metering_point vw_p on vw_p.id = vw_i.point_id"
                + " where vw_i.meter_id = " + meterId + " and %s"
                + " union all select '-infinity'::timestamptz, 'infinity'::timestamptz"
                + " from meter vw_m join acquisition_channel vw_c on vw_c.id = vw_m.channel_id"
                + " where vw_m.id = " + meterId + " and not exists (select 1 from meter_installation vw_i2"
                + " where vw_i2.meter_id = " + meterId + ") and %s",
                scope.visible("vw_p.building_id", "vw_p.premise_id"), scope.wholeBuilding("vw_c.building_id"));
    }

    /**
     * A scalar subquery: the time of the newest reading of meter {@code meterId} (any register) that the scope
     * sees, null when none; per visible window and register one backward probe of the primary key.
     */
    public static Sql newestReading(AccessScope scope, String meterId) {
        return Sql.format("(select max(nr.measured_at) from (%s) nw cross join register ng cross join lateral ("
                + "select r.measured_at from reading r where r.register_id = ng.id"
                + " and r.measured_at >= nw.from_at and r.measured_at <= nw.to_at"
                + " order by r.measured_at desc limit 1) nr where ng.meter_id = " + meterId + ")",
                windows(scope, meterId));
    }
}
