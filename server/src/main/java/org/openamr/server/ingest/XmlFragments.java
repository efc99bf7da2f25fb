package org.openamr.server.ingest;

import java.util.List;
import java.util.Map;
import org.openamr.server.ingest.SolvimusXmlReader.Data;
import org.openamr.server.ingest.SolvimusXmlReader.Entry;
import org.openamr.server.ingest.SolvimusXmlReader.Meter;
import org.openamr.server.ingest.SolvimusXmlReader.Param;

/**
 * Rejected parts of a Solvimus document written back as XML, from what was parsed (attributes and
 * texts exactly as sent; whitespace between elements and comments are not kept).
 */
final class XmlFragments {

    private XmlFragments() {
    }

    static String meter(Meter m) {
        StringBuilder sb = new StringBuilder();
        open(sb, "meter", m.attributes());
        for (Data d : m.data()) {
            data(sb, d, d.entries());
        }
        return sb.append("</meter>").toString();
    }

    static String data(Data d, List<Entry> entries) {
        StringBuilder sb = new StringBuilder();
        data(sb, d, entries);
        return sb.toString();
    }

    private static void data(StringBuilder sb, Data d, List<Entry> entries) {
        open(sb, "data", d.attributes());
        for (Entry e : entries) {
            sb.append("<entry>");
            for (Param p : e.params()) {
                sb.append("<param NAME=\"").append(escape(p.name())).append("\">").append(escape(p.text()))
                        .append("</param>");
            }
            sb.append("</entry>");
        }
        sb.append("</data>");
    }

    private static void open(StringBuilder sb, String name, Map<String, String> attributes) {
        sb.append('<').append(name);
        attributes.forEach((k, v) -> sb.append(' ').append(k).append("=\"").append(escape(v)).append('"'));
        sb.append('>');
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
