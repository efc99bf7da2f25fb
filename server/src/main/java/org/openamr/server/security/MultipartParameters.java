package org.openamr.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps an upload above the container's size limit answerable by its page ("file too large", the register
 * import). Asking the container for any parameter of a multipart request makes it parse the body, and for an
 * upload too large that throws: in the CSRF check, or in the language switch, as a 500 before the page's own
 * handler runs. Here such a lookup falls back to the address ({@code /import?_csrf=…}, where the upload form
 * puts its token); the controller, which asks for the file, gets the size error and answers it.
 */
class MultipartParameters extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest fallback = new HttpServletRequestWrapper(request) {
            @Override
            public String getParameter(String name) {
                try {
                    return super.getParameter(name);
                } catch (IllegalStateException bodyTooLarge) {
                    return fromQuery(getQueryString(), name);
                }
            }
        };
        chain.doFilter(fallback, response);
    }

    private static String fromQuery(String query, String parameter) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(parameter)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
