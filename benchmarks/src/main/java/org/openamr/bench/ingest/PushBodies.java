package org.openamr.bench.ingest;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The documents one concentrator pushes in the benchmark: its meters, each with the same registers,
 * one day of 15-minute values. Values are integers scaled by the register's SCALE, so the exact
 * decimal the server must store is known.
 */
final class PushBodies {

    static final int VALUES_PER_DAY = 96;
    private static final long QUARTER_HOUR = 900;

    /** A register as the Solvimus XML and as the readouts JSON spell it. */
    record Register(String description, String unit, String scale, String obis, String quantity, String jsonUnit,
                    BigDecimal factor) {
    }

    static final List<Register> REGISTERS = List.of(
            new Register("Energy", "kWh", "0.001", "6-0:1.0.0*255", "ENERGY", "kWh", BigDecimal.ONE),
            new Register("Volume", "m^3", "0.001", "6-0:2.0.0*255", "VOLUME", "m3", BigDecimal.ONE),
            new Register("Flow temperature", "Degree C", "0.01", "6-0:10.0.0*255", "FLOW_TEMPERATURE", "°C",
                    BigDecimal.ONE),
            new Register("Return temperature", "Degree C", "0.01", "6-0:11.0.0*255", "RETURN_TEMPERATURE", "°C",
                    BigDecimal.ONE),
            new Register("Power", "W", "1", "6-0:8.0.0*255", "POWER", "kW", new BigDecimal("0.001")),
            new Register("Volume flow", "m^3/h", "0.001", "6-0:9.0.0*255", "VOLUME_FLOW", "m3/h", BigDecimal.ONE));

    private PushBodies() {
    }

    /** The raw integer VAL of meter m, register r at time t: monotone for counters, wavy for the rest. */
    static long val(int meter, int register, long t) {
        long quarter = t / QUARTER_HOUR;
        return switch (register) {
            case 0 -> 1_000_000L + meter * 10_000L + quarter * (meter % 7 + 1);
            case 1 -> 500_000L + meter * 1_000L + quarter * (meter % 3 + 1);
            case 2 -> 6_000 + (quarter * 37 + meter) % 1_500;
            case 3 -> 4_000 + (quarter * 29 + meter) % 1_200;
            case 4 -> (quarter * 13 + meter * 7) % 20_000;
            default -> (quarter * 11 + meter * 3) % 3_000;
        };
    }

    static String serial(int concentrator, int meter) {
        return String.format("9%02d%05d", concentrator, meter);
    }

    static byte[] xml(int concentrator, int meters, int registers, Instant day) {
        long start = day.getEpochSecond();
        StringBuilder sb = new StringBuilder(meters * registers * VALUES_PER_DAY * 110);
        sb.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<interface MESSAGE_TYPE=\"1\">\n <muc MUC_ID=\"bench")
                .append(concentrator).append("\" VERSION=\"1f6\" TIMESTAMP=\"").append(start + 86_400).append("\">\n");
        for (int m = 0; m < meters; m++) {
            sb.append("  <meter METER_ID=\"").append(serial(concentrator, m)).append("\" INTERFACE=\"02\">\n");
            for (int r = 0; r < registers; r++) {
                Register reg = REGISTERS.get(r);
                sb.append("   <data DESCRIPTION=\"").append(reg.description()).append("\" UNIT=\"").append(reg.unit())
                        .append("\" SCALE=\"").append(reg.scale()).append("\" MEDIUM=\"Heat (outlet)\" OBIS_ID=\"")
                        .append(reg.obis()).append("\">\n");
                for (int i = 0; i < VALUES_PER_DAY; i++) {
                    long t = start + i * QUARTER_HOUR;
                    sb.append("    <entry><param NAME=\"T\">").append(t).append("</param><param NAME=\"T_MUC\">")
                            .append(t + 7).append("</param><param NAME=\"VAL\">").append(val(m, r, t))
                            .append("</param></entry>\n");
                }
                sb.append("   </data>\n");
            }
            sb.append("  </meter>\n");
        }
        sb.append(" </muc>\n</interface>\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] json(int concentrator, int meters, int registers, Instant day) {
        long start = day.getEpochSecond();
        StringBuilder sb = new StringBuilder(meters * registers * VALUES_PER_DAY * 90);
        sb.append("{\"version\":1,\"concentrator\":{\"id\":\"bench").append(concentrator).append("\"},\"meters\":[");
        for (int m = 0; m < meters; m++) {
            sb.append(m == 0 ? "" : ",").append("\n{\"serial\":\"").append(serial(concentrator, m))
                    .append("\",\"readAt\":\"").append(Instant.ofEpochSecond(start + 86_400)).append("\",\"values\":[");
            for (int r = 0; r < registers; r++) {
                Register reg = REGISTERS.get(r);
                BigDecimal scale = new BigDecimal(reg.scale()).multiply(reg.factor());
                for (int i = 0; i < VALUES_PER_DAY; i++) {
                    long t = start + i * QUARTER_HOUR;
                    sb.append(r == 0 && i == 0 ? "" : ",").append("\n{\"quantity\":\"").append(reg.quantity())
                            .append("\",\"unit\":\"").append(reg.jsonUnit()).append("\",\"at\":\"")
                            .append(Instant.ofEpochSecond(t)).append("\",\"value\":\"")
                            .append(BigDecimal.valueOf(val(m, r, t)).multiply(scale).toPlainString()).append("\"}");
                }
            }
            sb.append("]}");
        }
        sb.append("]}\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
