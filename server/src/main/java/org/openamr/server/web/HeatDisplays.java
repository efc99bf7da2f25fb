package org.openamr.server.web;

import java.util.UUID;
import org.openamr.server.organisation.Organisations;
import org.openamr.server.unit.HeatUnit;
import org.openamr.server.security.AccessScope;
import org.springframework.stereotype.Component;

/** The way a building's pages show heat: its management company's choice of unit. */
@Component
public class HeatDisplays {

    private final Organisations organisations;

    public HeatDisplays(Organisations organisations) {
        this.organisations = organisations;
    }

    public HeatDisplay ofBuilding(AccessScope scope, UUID building) {
        return HeatDisplay.of(organisations.heatUnitOfBuilding(scope, building));
    }
}
