package org.openamr.simulator.meter;

/**
 * A fault a virtual meter can be put into at runtime. Each names the condition of the Danfoss
 * device profile ({@code danfoss.profile}, column "code") whose error-code digit it sets, and the
 * EN 13757-3 status bit it raises.
 */
public enum MeterError {
    /** Supply temperature sensor cable cut: the calculator cannot integrate energy. */
    T1_SENSOR_BREAK("T1_DISCONNECTED", Status.PERMANENT_ERROR),
    /** Return temperature sensor cable cut: the calculator cannot integrate energy. */
    T2_SENSOR_BREAK("T2_DISCONNECTED", Status.PERMANENT_ERROR),
    /** Air in the pipe: the ultrasonic flow sensor gets no signal, so it measures no flow at all. */
    AIR_IN_FLOW("NO_FLOW_SIGNAL", Status.TEMPORARY_ERROR),
    /** Water flows backwards: the forward registers stand still. */
    REVERSE_FLOW("REVERSE_FLOW", Status.TEMPORARY_ERROR),
    /** Battery near its end: values are still measured. */
    LOW_BATTERY("BATTERY_END", Status.POWER_LOW);

    /** Status byte bits of EN 13757-3. */
    static final class Status {
        static final int POWER_LOW = 0x04;
        static final int PERMANENT_ERROR = 0x08;
        static final int TEMPORARY_ERROR = 0x10;

        private Status() {
        }
    }

    private final String profileCode;
    private final int statusBit;

    MeterError(String profileCode, int statusBit) {
        this.profileCode = profileCode;
        this.statusBit = statusBit;
    }

    /** The error's code in the device profile, e.g. T1_DISCONNECTED. */
    public String profileCode() {
        return profileCode;
    }

    /** The bit this error sets in the status byte of the telegram header. */
    public int statusBit() {
        return statusBit;
    }

    /** True when the flow sensor measures no forward flow: volume (and thus energy) stands still. */
    public boolean stopsVolume() {
        return this == AIR_IN_FLOW || this == REVERSE_FLOW;
    }
}
