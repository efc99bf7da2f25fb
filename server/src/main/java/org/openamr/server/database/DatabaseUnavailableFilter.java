package org.openamr.server.database;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Outside every other filter, so that a database that is down is one answer wherever it was noticed
 * (the token and session checks of the security filters, or a controller): 503 with
 * {@code Retry-After}, as problem+json for the API and the ingest endpoints, else the error/503 page.
 */
class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!DatabaseUnavailable.isCause(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("database unreachable at {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            answer(request, response);
        }
    }

    /** 503 with {@code Retry-After}: problem+json for the API and ingest, else the error/503 page. */
    static void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.reset();
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(DatabaseUnavailable.RETRY_AFTER.toSeconds()));
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        String path = request.getRequestURI();
        boolean page = !path.startsWith("/api/") && !path.startsWith("/ingest/") && accept != null
                && accept.contains(MediaType.TEXT_HTML_VALUE);
        if (page) {
            // the error page (error/503.html) in the reader's language, through Spring's error handling
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", "Service Unavailable");
        problem.put("status", HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        problem.put("detail", "the database is unreachable (stopped or restarting); try again in "
                + DatabaseUnavailable.RETRY_AFTER.toSeconds() + " s");
        problem.put("instance", path);
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(problem));
    }
}
