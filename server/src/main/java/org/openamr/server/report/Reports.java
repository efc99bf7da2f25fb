package org.openamr.server.report;

import org.openamr.server.unit.HeatUnit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openamr.server.api.BadRequestException;
import org.openamr.server.api.NotFoundException;
import org.openamr.server.report.format.RenderOptions;
import org.openamr.server.report.format.ReportFormat;
import org.openamr.server.report.format.ReportRenderer;
import org.openamr.server.report.format.UnencodableTextException;
import org.openamr.server.security.AccessScope;
import org.springframework.stereotype.Service;

/**
 * Makes report files: the kind's builder computes the report within the caller's scope, a renderer lays it out.
 * The API, the reports page and scheduled e-mails all come here, so a report is the same file wherever it is taken.
 */
@Service
public class Reports {

    private final Map<ReportKind, ReportBuilder> builders = new EnumMap<>(ReportKind.class);
    private final Map<ReportFormat, ReportRenderer> renderers = new EnumMap<>(ReportFormat.class);

    private final ReportScopes scopes;

    public Reports(List<ReportBuilder> builders, List<ReportRenderer> renderers, ReportScopes scopes) {
        this.scopes = scopes;
        builders.forEach(b -> this.builders.put(b.kind(), b));
        renderers.forEach(r -> this.renderers.put(r.format(), r));
    }

    /**
     * @throws org.openamr.server.api.NotFoundException   when the scope is not visible to the caller
     * @throws BadRequestException when the format cannot hold the report or a value cannot be written
     */
    public ReportFile make(ReportRequest request, ReportFormat format, RenderOptions options, AccessScope scope) {
        ReportBuilder builder = builders.get(request.kind());
        ReportRenderer renderer = renderers.get(format);
        if (builder == null || renderer == null) {
            throw new BadRequestException("report '" + request.kind().apiName() + "' is not made as " + format.extension());
        }
        ReportBuilder.Built built = builder.build(request, scope);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            renderer.write(built.document(), options, out);
        } catch (UnencodableTextException e) {
            throw new BadRequestException(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = FileNames.safe(request.kind().apiName() + "_" + built.subject() + "_"
                + request.period().fileLabel()) + "." + format.extension();
        return new ReportFile(name, mediaType(format, options), out.toByteArray());
    }

    /** The report itself, for a page's preview: what a file of it would hold. */
    public ReportBuilder.Built document(ReportRequest request, AccessScope scope) {
        ReportBuilder builder = builders.get(request.kind());
        if (builder == null) {
            throw new BadRequestException("report '" + request.kind().apiName() + "' is not made");
        }
        return builder.build(request, scope);
    }

    /**
     * The unit heat is reported in when the caller names none: the management company's choice when everything the
     * report covers belongs to one company, else Gcal. A scope the caller may not see is left to the report to refuse.
     */
    public HeatUnit defaultHeatUnit(UUID scope, AccessScope access) {
        try {
            return scopes.heatUnitOf(scopes.of(scope, access)).orElse(HeatUnit.GCAL);
        } catch (NotFoundException e) {
            return HeatUnit.GCAL;
        }
    }

    /** The kinds this server makes, in the order of {@link ReportKind}. */
    public List<ReportKind> kinds() {
        return List.copyOf(builders.keySet());
    }

    private static String mediaType(ReportFormat format, RenderOptions options) {
        return switch (format) {
            case CSV, TXT -> format.mediaType() + ";charset=" + options.charset().name();
            case XML -> format.mediaType() + ";charset=" + StandardCharsets.UTF_8.name();
            default -> format.mediaType();
        };
    }
}
