package org.openamr.mbus.record;

/** Record error codes a slave sends as a VIFE 0x00–0x1F (EN 13757-3, table of error codes). */
public final class RecordError {

    private RecordError() {
    }

    public static String meaning(int code) {
        return switch (code) {
            case 0x00 -> "no error";
            case 0x01 -> "too many DIFEs";
            case 0x02 -> "storage number not implemented";
            case 0x03 -> "unit number not implemented";
            case 0x04 -> "tariff number not implemented";
            case 0x05 -> "function not implemented";
            case 0x06 -> "data class not implemented";
            case 0x07 -> "data size not implemented";
            case 0x0B -> "too many VIFEs";
            case 0x0C -> "illegal VIF group";
            case 0x0D -> "illegal VIF exponent";
            case 0x0E -> "VIF/DIF mismatch";
            case 0x0F -> "unimplemented action";
            case 0x15 -> "no data available (undefined value)";
            case 0x16 -> "data overflow";
            case 0x17 -> "data underflow";
            case 0x18 -> "data error";
            case 0x1C -> "premature end of record";
            default -> "reserved error code 0x%02X".formatted(code);
        };
    }
}
