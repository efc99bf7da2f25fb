package org.openamr.server.premise;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * An apartment or a non-residential premise of a building.
 *
 * @param personalAccount the personal account (лицевой счёт) its management company bills it under; null: not
 *                        known. Unique within the building.
 * @param occupied        whether someone lives there: only then is a premise that uses no water an alarm
 */
public record Premise(UUID id, UUID building, Integer entrance, String number, Kind kind, Integer floor,
                      BigDecimal areaM2, String personalAccount, boolean occupied) {

    /**
     * What a personal account may be, as the database's check says it: 1 to 30 digits, Latin or Cyrillic letters,
     * '-' or '/'. No spaces, so that "12 345" and "12345" cannot be two accounts of one apartment.
     */
    public static final String PERSONAL_ACCOUNT = "[0-9A-Za-zА-Яа-яЁё/-]{1,30}";

    public enum Kind { APARTMENT, NON_RESIDENTIAL }
}
