package org.openamr.server.point;

import org.openamr.server.api.ConflictException;

/** A premise (or a building's own points) has one point per resource and name. */
public class PointNameTakenException extends ConflictException {

    private final MeteringPoint.Resource resource;
    private final String name;

    public PointNameTakenException(MeteringPoint.Resource resource, String name) {
        super("there is already a " + resource + " point named '" + name + "' here: give the new point another name");
        this.resource = resource;
        this.name = name;
    }

    public MeteringPoint.Resource resource() {
        return resource;
    }

    public String name() {
        return name;
    }
}
