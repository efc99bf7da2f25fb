package org.openamr.server.web;

import jakarta.servlet.http.HttpServletResponse;
import org.openamr.server.api.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Pages answer a foreign or missing id with the 404 page, not the API's problem+json: exactly like an
 * id that does not exist, so nobody learns which ids exist elsewhere; a page the role may not use at all
 * is the 403 page. Ordered before {@code ApiErrors},
 * which answers for every other controller.
 */
@ControllerAdvice(basePackages = "org.openamr.server.web")
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    @ExceptionHandler(NotFoundException.class)
    String notFound(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "error/404";
    }

    /** A page the caller's role may not use at all (not one item out of scope: that is the 404 above). */
    @ExceptionHandler(AccessDeniedException.class)
    String denied(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return "error/403";
    }
}
