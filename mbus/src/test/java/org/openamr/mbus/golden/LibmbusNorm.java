package org.openamr.mbus.golden;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * libmbus's normalised XML decode of a frame ({@code *.norm.xml}): the slave information and one
 * {@code DataRecord} per record, with the value in an SI unit (Wh, J, m^3, W, J/h, m^3/h, °C, K,
 * s …) printed with {@code %f}.
 *
 * <p>The files declare {@code encoding="ISO-8859-1"} but are UTF-8 (the only non-ASCII character
 * is the degree sign of {@code °C}): they are read as UTF-8 and the declaration is ignored, so
 * that {@code °C} comes out right rather than as {@code Â°C}.
 */
record LibmbusNorm(Slave slave, List<Rec> records) {

    /** {@code SlaveInformation}; a field is null when the file does not have it. */
    record Slave(String id, String manufacturer, String version, String accessNumber, String status) {
    }

    /**
     * One {@code DataRecord}; a field is null when the element is missing (the records of the
     * fixed data structure have no storage number, tariff or device).
     */
    record Rec(int id, String function, String storageNumber, String tariff, String device, String unit,
               String quantity, String value) {

        /** Storage number as the conformance runner reads it: a missing element counts as 0. */
        long storage() {
            return storageNumber == null || storageNumber.isEmpty() ? 0 : Long.parseLong(storageNumber);
        }

        String unitText() {
            return unit == null ? "" : unit;
        }

        String quantityText() {
            return quantity == null ? "" : quantity;
        }

        String valueText() {
            return value == null ? "" : value;
        }
    }

    static LibmbusNorm parse(Path file) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setExpandEntityReferences(false);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            // A character stream: the parser takes the characters as given and ignores the
            // (wrong) encoding declaration.
            Document doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(Vectors.read(file))));
            Element root = doc.getDocumentElement();
            Slave slave = null;
            NodeList si = root.getElementsByTagName("SlaveInformation");
            if (si.getLength() > 0) {
                Element e = (Element) si.item(0);
                slave = new Slave(text(e, "Id"), text(e, "Manufacturer"), text(e, "Version"), text(e, "AccessNumber"),
                        text(e, "Status"));
            }
            List<Rec> recs = new ArrayList<>();
            NodeList rl = root.getElementsByTagName("DataRecord");
            for (int i = 0; i < rl.getLength(); i++) {
                Element e = (Element) rl.item(i);
                recs.add(new Rec(Integer.parseInt(e.getAttribute("id")), text(e, "Function"),
                        text(e, "StorageNumber"), text(e, "Tariff"), text(e, "Device"), text(e, "Unit"),
                        text(e, "Quantity"), text(e, "Value")));
            }
            return new LibmbusNorm(slave, recs);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + file + ": " + e, e);
        }
    }

    private static String text(Element parent, String tag) {
        NodeList l = parent.getElementsByTagName(tag);
        return l.getLength() == 0 ? null : l.item(0).getTextContent().trim();
    }
}
