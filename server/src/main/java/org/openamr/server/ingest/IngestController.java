package org.openamr.server.ingest;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where concentrators push their readings. The token is checked before the body is read; a body too
 * large, not well-formed or not of the format's shape is refused as a whole (nothing is written); a
 * readable push is stored with its bad parts rejected one by one and listed in the answer.
 */
@RestController
@RequestMapping("/ingest/v1")
public class IngestController {

    private static final Logger log = LoggerFactory.getLogger(IngestController.class);

    private final ConcentratorTokens tokens;
    private final IngestLimits limits;
    private final IngestService service;

    public IngestController(ConcentratorTokens tokens, IngestLimits limits, IngestService service) {
        this.tokens = tokens;
        this.limits = limits;
        this.service = service;
    }

    /** The XML of Solvimus-based concentrators (SonoCollect 110/111, MUC.easy), "XML TCP" push mode. */
    @PostMapping("/solvimus")
    public ResponseEntity<PushReport> solvimus(HttpServletRequest request) throws IOException {
        Concentrator concentrator = tokens.authenticate(request.getHeader(HttpHeaders.AUTHORIZATION));
        PushMetrics.identified(request, concentrator);
        CollectorBatch batch = CollectorBatch.of(request);
        byte[] body = limits.body(request);
        Instant now = Instant.now();
        var mucs = new SolvimusXmlReader(limits.maxValues()).read(body);
        ParsedPush parsed = new SolvimusInterpreter(limits.window(now), now).interpret(mucs);
        return answer(service.store(concentrator, parsed, body, batch));
    }

    /** The project's own readouts JSON, version 1. */
    @PostMapping("/readouts")
    public ResponseEntity<PushReport> readouts(HttpServletRequest request) throws IOException {
        Concentrator concentrator = tokens.authenticate(request.getHeader(HttpHeaders.AUTHORIZATION));
        PushMetrics.identified(request, concentrator);
        CollectorBatch batch = CollectorBatch.of(request);
        byte[] body = limits.body(request);
        ParsedPush parsed = new ReadoutsJsonReader(limits.maxValues(), limits.window(Instant.now())).read(body);
        return answer(service.store(concentrator, parsed, body, batch));
    }

    /** A batch's number also in a header, so that a collector can confirm it without reading the body. */
    private static ResponseEntity<PushReport> answer(PushReport report) {
        var ok = ResponseEntity.ok();
        if (report.batch() != null) {
            ok.header(CollectorBatch.BATCH, Long.toString(report.batch().sequence()));
        }
        return ok.body(report);
    }

    @ExceptionHandler(IngestException.class)
    ResponseEntity<ProblemDetail> refused(IngestException e, HttpServletRequest request) {
        log.info("push to {} from channel {} refused ({}): {}", request.getRequestURI(), PushMetrics.channel(request),
                e.status().value(), e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setInstance(URI.create(request.getRequestURI()));
        var answer = ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (e.status() == HttpStatus.UNAUTHORIZED) {
            answer.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"openamr-ingest\"");
        }
        return answer.body(problem);
    }
}
