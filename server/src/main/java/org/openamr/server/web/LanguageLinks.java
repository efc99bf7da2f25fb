package org.openamr.server.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The header's language links, used by the layout as {@code @languageLinks}: this page with its query
 * (filters, the chosen resource, the page number) and only {@code lang} changed, so switching the
 * language keeps what the reader chose. An address that htmx pushes later is followed by /js/language.js.
 */
@Component("languageLinks")
public class LanguageLinks {

    public String to(String language) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return "?lang=" + language;
        }
        HttpServletRequest request = attributes.getRequest();
        // an error page rendered on Spring Boot's error path stands for the page that failed
        Object forwarded = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        String path = forwarded instanceof String uri ? uri : request.getRequestURI();
        Object forwardedQuery = request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING);
        String query = forwarded instanceof String ? (String) forwardedQuery : request.getQueryString();
        return UriComponentsBuilder.fromPath(path).query(query).replaceQueryParam("lang", language).build()
                .toUriString();
    }
}
