package org.openamr.server.alarm.evaluation;

import java.time.ZoneId;
import org.openamr.server.point.MeteringPoint.Resource;

/**
 * Where an evaluated object is, as an alarm of it is stored: for access (building, premise), for grouping
 * notifications (channel), for choosing the rule's settings (resource, building, point) and for the journal (label).
 *
 * @param buildingId null for a channel of no building
 * @param premiseId  null for building-level objects and channels
 * @param channelId  the channel the object is read through, null when none
 * @param pointId    the point whose settings apply, null for objects above a point
 * @param resource   null for objects that measure no one resource (a channel)
 * @param label      the object in words: address, apartment, meter serial or channel name
 */
public record Place(Long buildingId, Long premiseId, Long channelId, Long pointId, Resource resource, String label,
                    ZoneId zone) {
}
