package org.openamr.simulator.meter;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import org.openamr.mbus.profile.DeviceProfile;
import org.openamr.mbus.profile.DeviceProfiles;

/**
 * The four-hex-digit error code of Danfoss heat meters, taken from the built-in device profile
 * rather than written down again here: if the profile's digits are corrected, the simulator sends
 * the corrected code, and the decoder's reading of it stays the test of both.
 */
final class ErrorCodes {

    private static final Map<MeterError, Integer> CODES = new EnumMap<>(MeterError.class);
    private static final Map<MeterError, Boolean> STOPS = new EnumMap<>(MeterError.class);

    static {
        DeviceProfile profile = DeviceProfiles.builtIn().find("DFS", 0)
                .orElseThrow(() -> new IllegalStateException("the built-in Danfoss (DFS) device profile is missing"));
        for (MeterError e : MeterError.values()) {
            DeviceProfile.ErrorDigit digit = profile.errorDigits().stream()
                    .filter(d -> d.meaning().code().equals(e.profileCode())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("danfoss.profile has no error code " + e.profileCode()));
            CODES.put(e, digit.bit() << (4 * (3 - digit.digit())));
            STOPS.put(e, digit.meaning().stopsIntegration());
        }
    }

    private ErrorCodes() {
    }

    /** The error code for a set of active errors: each sets its bit in its digit. */
    static int code(Collection<MeterError> errors) {
        int code = 0;
        for (MeterError e : errors) {
            code |= CODES.get(e);
        }
        return code;
    }

    /** True when the profile says the calculator stops integrating energy in this state (a digit ≥ 8). */
    static boolean stopsIntegration(MeterError error) {
        return STOPS.get(error);
    }

    /** Energy is not integrated when the profile says so, and also when no flow is measured. */
    static boolean stopsEnergy(MeterError error) {
        return stopsIntegration(error) || error.stopsVolume();
    }
}
