package org.openamr.server.premise;

import java.math.BigDecimal;
import java.util.UUID;

/** An apartment or a non-residential premise of a building. */
public record Premise(UUID id, UUID building, Integer entrance, String number, Kind kind, Integer floor,
                      BigDecimal areaM2) {

    public enum Kind { APARTMENT, NON_RESIDENTIAL }
}
