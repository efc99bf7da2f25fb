package org.openamr.server.report.format;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.openamr.server.report.table.Cell;
import org.openamr.server.report.table.Column;
import org.openamr.server.report.table.Field;
import org.openamr.server.report.table.ReportDocument;
import org.openamr.server.report.table.Row;
import org.openamr.server.report.table.Section;
import org.springframework.stereotype.Component;

/**
 * The report as XML for other systems, valid against the schema published at {@value #SCHEMA} (namespace
 * {@value #NAMESPACE}): every kind has the same shape, its columns described once per table and each cell naming
 * its column, so that one importer reads every report. Values are exact and locale-free: numbers in plain notation
 * with a point, dates and times ISO 8601 with their offset; a missing figure is an empty cell with the reason in
 * {@code missing}. Always UTF-8.
 */
@Component
public class XmlRenderer implements ReportRenderer {

    public static final String NAMESPACE = "urn:openamr:report:1";
    /** The schema's place on the classpath (and in the repository under server/src/main/resources). */
    public static final String SCHEMA = "/report/report-1.xsd";

    @Override
    public ReportFormat format() {
        return ReportFormat.XML;
    }

    @Override
    public void write(ReportDocument report, RenderOptions options, OutputStream out) throws IOException {
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("report");
            x.writeDefaultNamespace(NAMESPACE);
            x.writeAttribute("kind", report.kind());
            x.writeAttribute("lang", report.locale().getLanguage());
            x.writeAttribute("generated", report.generatedAt().toString());
            text(x, "title", report.title());
            x.writeStartElement("header");
            for (Field f : report.header()) {
                x.writeStartElement("field");
                x.writeAttribute("label", f.label());
                x.writeCharacters(f.value());
                x.writeEndElement();
            }
            x.writeEndElement();
            for (Section s : report.sections()) {
                section(x, s);
            }
            x.writeStartElement("notes");
            for (String n : report.notes()) {
                text(x, "note", n);
            }
            x.writeEndElement();
            x.writeStartElement("signatures");
            for (String who : report.signatures()) {
                text(x, "signature", who);
            }
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndDocument();
            x.flush();
        } catch (XMLStreamException e) {
            throw new IOException("writing the " + report.kind() + " report as XML: " + e.getMessage(), e);
        }
    }

    private static void section(XMLStreamWriter x, Section s) throws XMLStreamException {
        x.writeStartElement("section");
        x.writeAttribute("id", s.id());
        x.writeAttribute("title", s.title());
        x.writeStartElement("columns");
        for (Column c : s.columns()) {
            x.writeEmptyElement("column");
            x.writeAttribute("id", c.id());
            x.writeAttribute("label", c.label());
            x.writeAttribute("type", c.type().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            x.writeAttribute("decimals", Integer.toString(c.decimals()));
        }
        x.writeEndElement();
        rows(x, "rows", s.columns(), s.rows());
        rows(x, "totals", s.columns(), s.totals());
        x.writeEndElement();
    }

    private static void rows(XMLStreamWriter x, String name, List<Column> columns, List<Row> rows)
            throws XMLStreamException {
        x.writeStartElement(name);
        for (Row r : rows) {
            x.writeStartElement("row");
            for (int i = 0; i < columns.size(); i++) {
                Cell cell = r.cells().get(i);
                x.writeStartElement("cell");
                x.writeAttribute("column", columns.get(i).id());
                if (cell instanceof Cell.Missing m) {
                    if (!m.shown().isEmpty()) {
                        x.writeAttribute("missing", m.shown());
                    }
                } else {
                    x.writeCharacters(cell.plain());
                }
                x.writeEndElement();
            }
            x.writeEndElement();
        }
        x.writeEndElement();
    }

    private static void text(XMLStreamWriter x, String element, String text) throws XMLStreamException {
        x.writeStartElement(element);
        x.writeCharacters(text);
        x.writeEndElement();
    }
}
