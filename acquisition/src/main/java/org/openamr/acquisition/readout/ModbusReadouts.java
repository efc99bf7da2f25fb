package org.openamr.acquisition.readout;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.openamr.mbus.profile.DeviceProfile;
import org.openamr.mbus.profile.DeviceProfiles;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.mbus.record.Function;
import org.openamr.modbus.value.ModbusValue;

/**
 * Turns the values a Modbus master read from one unit into a {@link MeterReadout}, keyed as M-Bus
 * values of the same quantity, unit, storage, tariff and subunit are (function instantaneous, no
 * qualifier), so that a meter read over Modbus fills the same registers as one read over M-Bus. A
 * pure function of the values, the identity and the read time.
 *
 * <p>Modbus carries no meter identity: the caller supplies it (the serial number the meter is filed
 * under, and maker and version where known, which select the device profile that names the error
 * codes). An {@code errorFlags} value becomes the conditions it stands for, as on M-Bus.
 */
public final class ModbusReadouts {

    private final DeviceProfiles profiles;

    public ModbusReadouts(DeviceProfiles profiles) {
        this.profiles = Objects.requireNonNull(profiles, "profiles");
    }

    public static ModbusReadouts builtIn() {
        return new ModbusReadouts(DeviceProfiles.builtIn());
    }

    /**
     * @param readout the current values (storage 0) at the read time, and the conditions
     * @param undated the stored values (storage 1…): a register map gives no date for them, and filing a
     *                due-date value at the read time would present an old value as a current one, so
     *                they are handed back for the caller to report rather than stored
     */
    public record Result(MeterReadout readout, List<ModbusValue> undated) {
        public Result {
            Objects.requireNonNull(readout, "readout");
            undated = List.copyOf(undated);
        }
    }

    /** @throws IllegalArgumentException for an {@code errorFlags} value that is no whole number */
    public Result toReadout(MeterIdentity meter, Instant readAt, List<ModbusValue> values) {
        Optional<DeviceProfile> profile = TelegramReadouts.profileOf(meter, profiles);
        Map<RegisterKey, RegisterValue> registers = new LinkedHashMap<>();
        List<MeterCondition> conditions = new ArrayList<>();
        List<ModbusValue> undated = new ArrayList<>();
        for (ModbusValue v : values) {
            if (v.storage() != 0) {
                undated.add(v);
            } else if (v.quantity() == Quantity.ERROR_FLAGS) {
                if (v.value().signum() < 0 || v.value().stripTrailingZeros().scale() > 0) {
                    throw new IllegalArgumentException(v.name() + ": error code " + v.value().toPlainString()
                            + " is not a whole number; the map's type or scale does not fit the register");
                }
                conditions.addAll(TelegramReadouts.errorConditions(v.value().longValueExact(), profile));
            } else {
                RegisterKey key = new RegisterKey(v.quantity(), v.unit(), 0, v.tariff(), v.subunit(),
                        Function.INSTANTANEOUS);
                // A map may hold one register twice (an integer and a float copy): the first one counts, as on M-Bus.
                registers.putIfAbsent(key, new RegisterValue(key, readAt, v.value()));
            }
        }
        return new Result(new MeterReadout(meter, readAt, List.copyOf(registers.values()), conditions), undated);
    }
}
