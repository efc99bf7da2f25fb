package org.openamr.mbus.app;

import java.util.Arrays;
import org.openamr.mbus.record.RecordSet;

/**
 * What a frame's CI field and data say at the application layer (EN 13757-3), for both directions.
 * {@link ApplicationCodec} decodes and encodes them.
 */
public sealed interface ApplicationMessage {

    /** The CI field this message is sent with. */
    int ci();

    /** A response with records: CI 0x72 / 0x76 (long header), 0x7A (short), 0x78 (none), 0x73 / 0x77 (fixed). */
    record VariableDataResponse(int ci, Header header, RecordSet data) implements ApplicationMessage {
    }

    /** CI 0x70: the slave reports that it could not answer. */
    record ApplicationError(int code) implements ApplicationMessage {
        @Override
        public int ci() {
            return CiField.APPLICATION_ERROR;
        }

        public String meaning() {
            return switch (code) {
                case -1, 0 -> "unspecified error";
                case 1 -> "unimplemented CI field";
                case 2 -> "buffer too long, truncated";
                case 3 -> "too many records";
                case 4 -> "premature end of record";
                case 5 -> "more than 10 DIFEs";
                case 6 -> "more than 10 VIFEs";
                case 8 -> "application too busy for handling readout request";
                case 9 -> "too many readouts";
                default -> "reserved error code " + code;
            };
        }
    }

    /** CI 0x71: alarm status. */
    record Alarm(byte[] status) implements ApplicationMessage {
        public Alarm {
            status = status.clone();
        }

        @Override
        public byte[] status() {
            return status.clone();
        }

        @Override
        public int ci() {
            return CiField.ALARM;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Alarm a && Arrays.equals(a.status, status);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(status);
        }
    }

    /** CI 0x50: application reset, optionally with a subcode (-1 when absent) selecting what to send next. */
    record ApplicationReset(int subcode) implements ApplicationMessage {
        @Override
        public int ci() {
            return CiField.APPLICATION_RESET;
        }
    }

    /** CI 0x51: data sent to the slave (e.g. setting the primary address). */
    record DataSend(RecordSet data) implements ApplicationMessage {
        @Override
        public int ci() {
            return CiField.DATA_SEND;
        }
    }

    /** CI 0x52: selection of the slave(s) matching a secondary address mask. */
    record Selection(SecondaryAddress mask) implements ApplicationMessage {
        @Override
        public int ci() {
            return CiField.SELECTION;
        }
    }

    /** CI 0xB8–0xBF: switch the slave to another baud rate. */
    record BaudRateSwitch(int baud) implements ApplicationMessage {
        public BaudRateSwitch {
            CiField.baudRateCi(baud);
        }

        @Override
        public int ci() {
            return CiField.baudRateCi(baud);
        }
    }
}
