package org.openamr.server.consumption;

import java.time.ZoneId;
import java.util.UUID;
import org.openamr.server.point.MeteringPoint.Resource;

/**
 * The thing a query is about, found within the caller's scope, with its building's time zone.
 *
 * @param pointResource the resource of a POINT target, else null
 */
public record Target(TargetKind kind, long id, UUID publicId, long buildingId, ZoneId zone, Resource pointResource) {
}
