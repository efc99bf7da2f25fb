package org.openamr.server.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.openamr.server.api.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Pages answer a foreign or missing id with the 404 page, not the API's problem+json: exactly like an
 * id that does not exist, so nobody learns which ids exist elsewhere; a page the role may not use at all
 * is the 403 page. Ordered before {@code ApiErrors}, which answers for every other controller.
 */
@ControllerAdvice(basePackages = "org.openamr.server.web")
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private final Duration pageQueryTimeout;

    PageErrors(@Value("${openamr.web.page-query-timeout:5s}") Duration pageQueryTimeout) {
        this.pageQueryTimeout = pageQueryTimeout;
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
}
