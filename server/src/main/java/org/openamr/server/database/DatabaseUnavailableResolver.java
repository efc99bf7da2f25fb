package org.openamr.server.database;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A database that went away while a controller worked, answered 503 like {@link DatabaseUnavailableFilter}
 * does, before any other exception resolver sees the failure. Spring's own resolvers take an
 * {@code EOFException} anywhere in the cause chain for a client that disconnected and answer nothing: a
 * concentrator got 200 with an empty body for a push whose transaction had been rolled back when its
 * database backend was killed (AcknowledgedPushesSurviveIT), and would never have sent it again.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailableResolver implements HandlerExceptionResolver {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableResolver.class);

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception e) {
        if (!DatabaseUnavailable.isCause(e) || response.isCommitted()) {
            return null;
        }
        log.warn("database unreachable at {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
        try {
            DatabaseUnavailableFilter.answer(request, response);
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
        return new ModelAndView(); // answered
    }
}
