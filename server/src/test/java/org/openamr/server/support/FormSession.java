package org.openamr.server.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser session without a browser: cookies kept, the sign-in form posted with its CSRF token, pages
 * fetched as they are served (no script runs), redirects not followed so that tests see them.
 */
public final class FormSession {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final int port;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();

    public FormSession(int port) {
        this.port = port;
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    public HttpClient client() {
        return http;
    }

    /** Posts the sign-in form with the token the sign-in page carries; the answer is a redirect. */
    public HttpResponse<String> login(String user, String password) {
        return postForm("/login", "username=" + enc(user) + "&password=" + enc(password), get("/login").body());
    }

    /** {@link #login} with an {@code X-Forwarded-For} header, as a proxy (or somebody posing as one) sends it. */
    public HttpResponse<String> loginForwardedFor(String forwardedFor, String user, String password) {
        Matcher m = CSRF_FIELD.matcher(get("/login").body());
        if (!m.find()) {
            throw new AssertionError("the sign-in page has no CSRF token");
        }
        return send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(user) + "&password=" + enc(password)
                        + "&_csrf=" + enc(m.group(1)))).build());
    }

    /** A page as a browser asks for it (an unsigned-in browser is sent to the sign-in page, not refused). */
    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html,application/xhtml+xml").build());
    }

    /** An API resource in this session, as a page's script asks for it. */
    public HttpResponse<String> getApi(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").build());
    }

    /**
     * Posts a form as a browser would: with the CSRF token of the page the form is on.
     *
     * @param fields     url-encoded fields without the token
     * @param formPage   the HTML of the page that holds the form
     */
    public HttpResponse<String> postForm(String path, String fields, String formPage) {
        Matcher m = CSRF_FIELD.matcher(formPage);
        if (!m.find()) {
            throw new AssertionError("the page has no form with a CSRF token: " + formPage);
        }
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(fields + "&_csrf=" + enc(m.group(1)))).build());
    }

    /** The token scripts send in the X-XSRF-TOKEN header. */
    public String csrfCookie() {
        return cookies.getCookieStore().get(uri("/")).stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
