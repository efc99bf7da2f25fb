package org.openamr.server.point;

import org.openamr.server.api.ConflictException;

/** A meter was to be installed at a point that has a meter at that time (or from a later time on). */
public class PointOccupiedException extends ConflictException {

    private final MeteringPoint.Installation occupant;

    public PointOccupiedException(MeteringPoint.Installation occupant) {
        super("the point already has meter " + occupant.serial() + " installed from " + occupant.installedAt()
                + (occupant.removedAt() == null ? "" : " until " + occupant.removedAt())
                + ": remove or replace that meter first");
        this.occupant = occupant;
    }

    public MeteringPoint.Installation occupant() {
        return occupant;
    }
}
