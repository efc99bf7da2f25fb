package org.openamr.acquisition.readout;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes readouts as the project's readouts JSON, version 1 (server/INGEST.md, "Readouts JSON"): what
 * the server's {@code /ingest/v1/readouts} reads. Values are written as JSON strings from the exact
 * decimal ({@code "12345.678"}, scale kept), never through a double.
 *
 * <p>Deterministic: the same readouts give the same bytes (no send time is written), so that a batch
 * sent again is recognised by the server as the same document. For the same reason optional fields
 * with nothing to say ({@code qualifier} of a plain register) are left out rather than written empty: the
 * documents of readouts without qualifiers are byte for byte those written before the field existed.
 */
public final class ReadoutsJson {

    private ReadoutsJson() {
    }

    /**
     * @param body   UTF-8 JSON
     * @param values register values written
     */
    public record Document(byte[] body, int values) {
    }

    /**
     * @param sender   the {@code concentrator.id} (the collector's id), or null
     * @param software the {@code concentrator.software}, or null
     */
    public static Document write(String sender, String software, List<MeterReadout> readouts) {
        StringBuilder sb = new StringBuilder(256 + readouts.size() * 512);
        sb.append("{\"version\":1");
        if (sender != null || software != null) {
            sb.append(",\"concentrator\":{");
            boolean first = true;
            if (sender != null) {
                sb.append("\"id\":");
                string(sb, sender);
                first = false;
            }
            if (software != null) {
                sb.append(first ? "" : ",").append("\"software\":");
                string(sb, software);
            }
            sb.append('}');
        }
        sb.append(",\"meters\":[");
        int written = 0;
        for (int i = 0; i < readouts.size(); i++) {
            MeterReadout r = readouts.get(i);
            MeterIdentity m = r.meter();
            sb.append(i == 0 ? "" : ",").append("\n{\"serial\":");
            string(sb, m.serial());
            if (m.manufacturer().isPresent()) {
                sb.append(",\"manufacturer\":");
                string(sb, m.manufacturer().get());
            }
            m.version().ifPresent(v -> sb.append(",\"version\":").append(v));
            m.medium().ifPresent(v -> sb.append(",\"medium\":").append(v));
            sb.append(",\"readAt\":\"").append(r.readAt()).append("\",\"values\":[");
            for (int j = 0; j < r.values().size(); j++) {
                RegisterValue v = r.values().get(j);
                RegisterKey k = v.key();
                sb.append(j == 0 ? "" : ",").append("{\"quantity\":\"").append(k.quantity().name())
                        .append("\",\"unit\":");
                string(sb, k.unit().symbol());
                sb.append(",\"storage\":").append(k.storage()).append(",\"tariff\":").append(k.tariff())
                        .append(",\"subunit\":").append(k.subunit()).append(",\"function\":\"")
                        .append(k.function().name()).append('"');
                if (!k.qualifier().isEmpty()) {
                    sb.append(",\"qualifier\":");
                    string(sb, k.qualifier());
                }
                sb.append(",\"at\":\"").append(v.measuredAt())
                        .append("\",\"value\":\"").append(v.value().toPlainString()).append("\"}");
            }
            written += r.values().size();
            sb.append("],\"conditions\":[");
            for (int j = 0; j < r.conditions().size(); j++) {
                MeterCondition c = r.conditions().get(j);
                sb.append(j == 0 ? "" : ",").append("{\"code\":");
                string(sb, c.code());
                sb.append(",\"labelEn\":");
                string(sb, c.labelEn());
                sb.append(",\"labelRu\":");
                string(sb, c.labelRu());
                sb.append(",\"stopsIntegration\":").append(c.stopsIntegration()).append('}');
            }
            sb.append("]}");
        }
        sb.append("]}\n");
        return new Document(sb.toString().getBytes(StandardCharsets.UTF_8), written);
    }

    /** A JSON string: quotes, backslashes and control characters escaped, everything else as it is (UTF-8). */
    static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || (c >= 0x7F && c < 0xA0) || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
