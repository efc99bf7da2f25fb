package org.openamr.server.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.UUID;
import java.util.stream.Collectors;
import org.openamr.server.database.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error of the API as {@code application/problem+json} (RFC 9457), never a stack trace. */
@RestControllerAdvice
public class ApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage(), request);
    }

    @ExceptionHandler({BadRequestException.class, IllegalArgumentException.class})
    public ProblemDetail badRequest(RuntimeException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage(), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "parameter '" + e.getName() + "': '" + e.getValue()
                + "' is not a valid " + (e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName()),
                request);
    }

    @ExceptionHandler(ConflictException.class)
    public ProblemDetail conflict(ConflictException e, HttpServletRequest request) {
        return problem(HttpStatus.CONFLICT, e.getMessage(), request);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    public ProblemDetail integrity(DataIntegrityViolationException e, HttpServletRequest request) {
        String detail = e.getMostSpecificCause().getMessage();
        log.info("refused change at {}: {}", request.getRequestURI(), detail);
        return problem(HttpStatus.CONFLICT, "the change contradicts stored data: " + firstLine(detail), request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e, HttpServletRequest request) {
        return problem(HttpStatus.FORBIDDEN, "your role may not do this", request);
    }

    /**
     * A fault of the server itself: logged in full under a reference the user can quote, answered
     * with that reference only, never with the stack trace or SQL.
     */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, HttpServletRequest request) throws Exception {
        if (e instanceof ErrorResponse || e instanceof AuthenticationException || DatabaseUnavailable.isCause(e)) {
            // a database that is down: 503 with Retry-After from DatabaseUnavailableFilter, for pages too
            throw e;
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("internal error {} at {} {}", reference, request.getMethod(), request.getRequestURI(), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal error, reference " + reference
                + " (the server's log has the details)", request);
    }

    /** Names every refused field with its reason, e.g. "key: an AES-128 key is 32 hex digits". */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = e.getBindingResult().getFieldErrors().stream()
                .map(f -> f.getField() + ": " + f.getDefaultMessage()
                        + (f.getRejectedValue() == null || secret(f.getField()) ? "" : was(f.getRejectedValue())))
                .sorted().collect(Collectors.joining("; "));
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        return ResponseEntity.badRequest().body(p);
    }

    /** Unreadable JSON: says where parsing stopped and why, without the parser's internals. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getMostSpecificCause();
        String detail = "the request body is not valid JSON for this endpoint: "
                + firstLine(cause.getMessage()).replaceAll(" \\(for .*", "");
        return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail));
    }

    private static ProblemDetail problem(HttpStatus status, String detail, HttpServletRequest request) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setInstance(URI.create(request.getRequestURI()));
        return p;
    }

    /** The refused value, or only its length when repeating it would make the answer as long as the request. */
    private static String was(Object rejected) {
        String s = String.valueOf(rejected);
        return s.length() > 100 ? " (was " + s.length() + " characters)" : " (was '" + s + "')";
    }

    /** A password is never repeated back: an answer may end up in a log or on a screen. */
    private static boolean secret(String field) {
        return field.toLowerCase(java.util.Locale.ROOT).contains("password");
    }

    private static String firstLine(String s) {
        int nl = s == null ? -1 : s.indexOf('\n');
        return nl < 0 ? String.valueOf(s) : s.substring(0, nl);
    }
}
