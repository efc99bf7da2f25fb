package org.openamr.server.ingest;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the XML that Solvimus-based concentrators push into its elements, refusing (400) anything that
 * is not well-formed or not of the shape {@code interface > muc > meter > data > entry > param}.
 * What the elements mean is {@link SolvimusInterpreter}'s business. The JDK's StAX parser runs with
 * DTDs and external entities off; a DOCTYPE is refused outright, so no entity is ever expanded.
 */
final class SolvimusXmlReader {

    private static final XMLInputFactory FACTORY = factory();

    record Param(String name, String text) {
    }

    /**
     * An entry's params. The usual entry — each of T, T_MUC, VAL at most once, nothing else — is kept
     * as its three texts; any other keeps its params as sent, for the interpreter to reject.
     *
     * @param number 1-based position within its data element
     * @param unusual the params as sent when the entry is not the usual one, else null
     */
    record Entry(int number, String t, String tMuc, String val, List<Param> unusual) {

        /** The params: as sent for an unusual entry, else in the order T, T_MUC, VAL. */
        List<Param> params() {
            if (unusual != null) {
                return unusual;
            }
            List<Param> list = new ArrayList<>(3);
            if (t != null) {
                list.add(new Param("T", t));
            }
            if (tMuc != null) {
                list.add(new Param("T_MUC", tMuc));
            }
            if (val != null) {
                list.add(new Param("VAL", val));
            }
            return list;
        }
    }

    record Data(Map<String, String> attributes, List<Entry> entries, int line) {

        String attribute(String name) {
            return attributes.get(name);
        }
    }

    record Meter(Map<String, String> attributes, List<Data> data, int line) {

        int entryCount() {
            return data.stream().mapToInt(d -> d.entries().size()).sum();
        }
    }

    record Muc(Map<String, String> attributes, List<Meter> meters) {
    }

    private final int maxEntries;
    private int entries;

    SolvimusXmlReader(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    private static XMLInputFactory factory() {
        // the JDK's own implementation, whatever else is on the class path
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        // the format has no namespaces; a prefixed name simply does not match
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        return f;
    }

    List<Muc> read(byte[] body) {
        XMLStreamReader r = null;
        try {
            r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
            if (!toRoot(r)) {
                throw IngestException.badDocument("the document has no root element; expected <interface>");
            }
            if (!"interface".equals(r.getLocalName())) {
                throw IngestException.badDocument("root element is <" + r.getLocalName()
                        + ">, expected <interface> (Solvimus XML push)");
            }
            String type = r.getAttributeValue(null, "MESSAGE_TYPE");
            if (type != null && !"1".equals(type.trim())) {
                throw IngestException.badDocument("<interface MESSAGE_TYPE=\"" + type
                        + "\">: only MESSAGE_TYPE 1 (meter values) is understood");
            }
            List<Muc> mucs = new ArrayList<>();
            while (nextChild(r, "interface")) {
                expect(r, "muc", "interface");
                mucs.add(muc(r));
            }
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.DTD) {
                    throw doctype();
                }
            }
            return mucs;
        } catch (XMLStreamException e) {
            var at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNumber() + ", column " + at.getColumnNumber();
            throw IngestException.badDocument("not well-formed XML" + where + ": " + cleanMessage(e));
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing is held open: the input is a byte array
                }
            }
        }
    }

    private static boolean toRoot(XMLStreamReader r) throws XMLStreamException {
        while (r.hasNext()) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.DTD -> throw doctype();
                case XMLStreamConstants.START_ELEMENT -> {
                    return true;
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE -> {
                    if (!r.isWhiteSpace()) {
                        throw IngestException.badDocument("text before the root element at line "
                                + r.getLocation().getLineNumber());
                    }
                }
                default -> {
                    // comments and processing instructions carry nothing
                }
            }
        }
        return false;
    }

    private static IngestException doctype() {
        return IngestException.badDocument("the document has a DOCTYPE declaration; DTDs and entities are not "
                + "accepted in pushes (remove the <!DOCTYPE …> line)");
    }

    private Muc muc(XMLStreamReader r) throws XMLStreamException {
        Map<String, String> attributes = attributes(r);
        List<Meter> meters = new ArrayList<>();
        while (nextChild(r, "muc")) {
            expect(r, "meter", "muc");
            meters.add(meter(r));
        }
        return new Muc(attributes, meters);
    }

    private Meter meter(XMLStreamReader r) throws XMLStreamException {
        int line = r.getLocation().getLineNumber();
        Map<String, String> attributes = attributes(r);
        List<Data> data = new ArrayList<>();
        while (nextChild(r, "meter")) {
            expect(r, "data", "meter");
            data.add(data(r));
        }
        return new Meter(attributes, data, line);
    }

    private Data data(XMLStreamReader r) throws XMLStreamException {
        int line = r.getLocation().getLineNumber();
        Map<String, String> attributes = attributes(r);
        List<Entry> list = new ArrayList<>();
        while (nextChild(r, "data")) {
            expect(r, "entry", "data");
            if (++entries > maxEntries) {
                throw IngestException.tooLarge("the push has more than " + maxEntries
                        + " entries, the most one push may carry; send the values in several pushes");
            }
            list.add(entry(r, list.size() + 1));
        }
        return new Data(attributes, list, line);
    }

    private Entry entry(XMLStreamReader r, int number) throws XMLStreamException {
        String t = null;
        String tMuc = null;
        String val = null;
        List<Param> all = null;
        boolean unusual = false;
        while (nextChild(r, "entry")) {
            expect(r, "param", "entry");
            String name = r.getAttributeValue(null, "NAME");
            if (name == null) {
                throw IngestException.badDocument("<param> without a NAME attribute at line "
                        + r.getLocation().getLineNumber());
            }
            String text = elementText(r);
            if (all == null && !unusual) {
                switch (name) {
                    case "T" -> unusual = t != null;
                    case "T_MUC" -> unusual = tMuc != null;
                    case "VAL" -> unusual = val != null;
                    default -> unusual = true;
                }
                if (unusual) {
                    // keep everything as sent, from the first param on
                    all = new Entry(number, t, tMuc, val, null).params();
                } else {
                    switch (name) {
                        case "T" -> t = text;
                        case "T_MUC" -> tMuc = text;
                        default -> val = text;
                    }
                    continue;
                }
            }
            all.add(new Param(name, text));
        }
        return new Entry(number, t, tMuc, val, all);
    }

    private static String elementText(XMLStreamReader r) throws XMLStreamException {
        String first = null;
        StringBuilder more = null;
        while (true) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    // one text event per value is the rule (the parser coalesces); a comment splits it
                    if (first == null) {
                        first = r.getText();
                    } else {
                        more = (more == null ? new StringBuilder(first) : more).append(r.getText());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    return more != null ? more.toString() : first != null ? first : "";
                }
                case XMLStreamConstants.START_ELEMENT -> throw IngestException.badDocument("element <"
                        + r.getLocalName() + "> inside <param> at line " + r.getLocation().getLineNumber()
                        + "; a param holds only text");
                case XMLStreamConstants.ENTITY_REFERENCE -> throw entity(r);
                default -> {
                    // comments inside a value are dropped
                }
            }
        }
    }

    private static IngestException entity(XMLStreamReader r) {
        return IngestException.badDocument("entity reference &" + r.getLocalName() + "; at line "
                + r.getLocation().getLineNumber() + "; only the five predefined XML entities are accepted");
    }

    /** Moves to the next child element of {@code parent}; false at the parent's end tag. */
    private static boolean nextChild(XMLStreamReader r, String parent) throws XMLStreamException {
        while (true) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    return true;
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    return false;
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (!r.isWhiteSpace()) {
                        String text = r.getText().strip();
                        throw IngestException.badDocument("text '" + shorten(text) + "' inside <" + parent
                                + "> at line " + r.getLocation().getLineNumber() + "; <" + parent
                                + "> holds only elements");
                    }
                }
                case XMLStreamConstants.ENTITY_REFERENCE -> throw entity(r);
                case XMLStreamConstants.DTD -> throw doctype();
                case XMLStreamConstants.END_DOCUMENT -> throw IngestException.badDocument(
                        "the document ends inside <" + parent + ">");
                default -> {
                    // comments and processing instructions carry nothing
                }
            }
        }
    }

    private static void expect(XMLStreamReader r, String name, String parent) {
        if (!name.equals(r.getLocalName())) {
            throw IngestException.badDocument("unexpected element <" + r.getLocalName() + "> inside <" + parent
                    + "> at line " + r.getLocation().getLineNumber() + "; expected <" + name + ">");
        }
    }

    private static Map<String, String> attributes(XMLStreamReader r) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < r.getAttributeCount(); i++) {
            map.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
        }
        return map;
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    private static String cleanMessage(XMLStreamException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        // the JDK prefixes "ParseError at [row,col]:[3,7]\nMessage: "; the location is given separately
        int i = m.indexOf("Message: ");
        return i >= 0 ? m.substring(i + 9).strip() : m.strip();
    }
}
