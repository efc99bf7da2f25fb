package org.openamr.server.building;

import java.util.List;
import java.util.UUID;

/** A building: address, optional state register ids (FIAS, GIS ZhKKh), its companies and entrances. */
public record Building(UUID id, String address, UUID fiasId, String gisId, UUID managementCompany,
                       UUID serviceCompany, String timeZone, List<Entrance> entrances) {

    public record Entrance(UUID id, int number) {
    }
}
