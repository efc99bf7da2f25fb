package org.openamr.server.report;

import org.openamr.server.report.table.ReportDocument;
import org.openamr.server.security.AccessScope;

/** Computes one kind of report, within what the caller may see. One per {@link ReportKind}. */
public interface ReportBuilder {

    ReportKind kind();

    /**
     * @throws org.openamr.server.api.NotFoundException   when the scope is not there for the caller
     * @throws org.openamr.server.api.BadRequestException when the request cannot be answered
     */
    Built build(ReportRequest request, AccessScope scope);

    /**
     * @param subject what the report covers in a file name: the address, entrance or apartment, or «portfolio»
     */
    record Built(ReportDocument document, String subject) {
    }
}
