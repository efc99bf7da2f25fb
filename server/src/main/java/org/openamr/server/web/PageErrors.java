package org.openamr.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.UUID;
import org.openamr.server.api.ApiErrors;
import org.openamr.server.api.BadRequestException;
import org.openamr.server.api.ConflictException;
import org.openamr.server.api.NotFoundException;
import org.openamr.server.database.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Pages answer a foreign or missing id with the 404 page, not the API's problem+json: exactly like an
 * id that does not exist, so nobody learns which ids exist elsewhere; a page the role may not use at all
 * is the 403 page; a fault of the server is the 500 page with a reference to quote, in the reader's
 * language (not the API's JSON). Ordered before {@code ApiErrors}, which answers for every other controller.
 */
@ControllerAdvice(basePackages = "org.openamr.server.web")
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    private final Duration pageQueryTimeout;
    private final ApiErrors api;

    PageErrors(@Value("${openamr.web.page-query-timeout:5s}") Duration pageQueryTimeout, ApiErrors api) {
        this.pageQueryTimeout = pageQueryTimeout;
        this.api = api;
    }

    @ExceptionHandler(NotFoundException.class)
    String notFound(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "error/404";
    }

    /** A page the user's role may not use at all: said on a page, not in the API's JSON. */
    @ExceptionHandler(AccessDeniedException.class)
    String denied(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return "error/403";
    }

    /** A page's query stopped at its timeout (PageQueries): said so, not a 500 after a minute. */
    @ExceptionHandler(QueryTimeoutException.class)
    String tooSlow(HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        model.addAttribute("seconds", Math.max(1, pageQueryTimeout.toSeconds()));
        return "error/slow";
    }

    /**
     * Refusals of a request, answered exactly as {@code ApiErrors} answers them (the catch-all below would
     * otherwise take them for faults of the server): the pages' own forms say their refusals in the page.
     */
    @ExceptionHandler({BadRequestException.class, IllegalArgumentException.class})
    ProblemDetail badRequest(RuntimeException e, HttpServletRequest request) {
        return api.badRequest(e, request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return api.typeMismatch(e, request);
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e, HttpServletRequest request) {
        return api.conflict(e, request);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException e, HttpServletRequest request) {
        return api.integrity(e, request);
    }

    /**
     * A fault of the server itself: logged in full under a reference the user can quote (as the API does),
     * answered with the page, never with the stack trace. Spring's own answers (a missing parameter, a
     * wrong method) and sign-in keep their usual handling.
     */
    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, HttpServletRequest request, HttpServletResponse response, Model model)
            throws Exception {
        if (e instanceof ErrorResponse || e instanceof AuthenticationException || DatabaseUnavailable.isCause(e)) {
            // a database that is down: 503 with Retry-After from DatabaseUnavailableFilter
            throw e;
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("internal error {} at {} {}", reference, request.getMethod(), request.getRequestURI(), e);
        response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        model.addAttribute("reference", reference);
        return "error/500";
    }
}
