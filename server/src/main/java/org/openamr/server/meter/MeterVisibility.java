package org.openamr.server.meter;

import org.openamr.server.security.AccessScope;

/**
 * Which meters and which of their readings a scope may see. A meter belongs to whoever sees a point
 * it is or was installed at; a meter never installed (found by a search or a push) belongs to whoever
 * sees the whole building of the channel that found it. Readings are narrower: only those taken
 * while the meter hung at a visible point, so that a meter moved to another building does not
 * carry its new owner's data back to the old one.
 */
public final class MeterVisibility {

    private MeterVisibility() {
    }

    /** SQL true for meter rows {@code m} the scope sees. */
    public static String meter(AccessScope scope, String m) {
        if (scope instanceof AccessScope.Everything) {
            return "true";
        }
        return "(exists (select 1 from meter_installation vis_i join metering_point vis_p on vis_p.id = vis_i.point_id"
                + " where vis_i.meter_id = " + m + ".id and " + scope.visible("vis_p.building_id", "vis_p.premise_id") + ")"
                + " or not exists (select 1 from meter_installation vis_i2 where vis_i2.meter_id = " + m + ".id)"
                + " and exists (select 1 from acquisition_channel vis_c where vis_c.id = " + m + ".channel_id and "
                + scope.wholeBuilding("vis_c.building_id") + "))";
    }

    /** SQL true for a reading at {@code measuredAt} of meter {@code meterId} the scope sees. */
    public static String reading(AccessScope scope, String meterId, String measuredAt) {
        if (scope instanceof AccessScope.Everything) {
            return "true";
        }
        return "(exists (select 1 from meter_installation vr_i join metering_point vr_p on vr_p.id = vr_i.point_id"
                + " where vr_i.meter_id = " + meterId + " and " + measuredAt + " >= vr_i.installed_at"
                + " and (vr_i.removed_at is null or " + measuredAt + " <= vr_i.removed_at) and "
                + scope.visible("vr_p.building_id", "vr_p.premise_id") + ")"
                + " or not exists (select 1 from meter_installation vr_i2 where vr_i2.meter_id = " + meterId + ")"
                + " and exists (select 1 from meter vr_m join acquisition_channel vr_c on vr_c.id = vr_m.channel_id"
                + " where vr_m.id = " + meterId + " and " + scope.wholeBuilding("vr_c.building_id") + "))";
    }
}
