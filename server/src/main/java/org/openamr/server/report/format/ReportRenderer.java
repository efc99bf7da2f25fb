package org.openamr.server.report.format;

import java.io.IOException;
import java.io.OutputStream;
import org.openamr.server.report.table.ReportDocument;

/** Lays a report out in one file format. Renderers compute nothing: every figure and word is in the document. */
public interface ReportRenderer {

    ReportFormat format();

    /**
     * Writes the whole file; the stream is not closed.
     *
     * @throws UnencodableTextException when a value cannot be written in the chosen charset (windows-1251)
     */
    void write(ReportDocument report, RenderOptions options, OutputStream out) throws IOException;
}
