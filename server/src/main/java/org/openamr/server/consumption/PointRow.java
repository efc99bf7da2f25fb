package org.openamr.server.consumption;

import java.util.UUID;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.server.point.MeteringPoint.Resource;

/**
 * A metering point as the registry has it, with the register selection of V6.
 *
 * @param premiseId null for building-level points such as the common house meter
 */
public record PointRow(long id, UUID publicId, String name, Long premiseId, UUID premisePublicId, String premiseNumber,
                       Resource resource, Quantity quantity, int tariff, int subunit) {

    public boolean buildingLevel() {
        return premiseId == null;
    }
}
