package org.openamr.server.database;

import java.util.regex.Pattern;

/**
 * Where and as whom the server connects to its database, whether embedded or external: what a
 * further connection pool (e.g. one reserved for ingest) needs to reach the same database.
 */
public record DatabaseConnection(String url, String user, String password) {

    /** {@code ?password=…}, {@code &sslpassword=…}: pgjdbc takes any property as a URL parameter. */
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;][a-z]*password=)[^&;]*");
    /** {@code //user:password@host}. */
    private static final Pattern USER_INFO = Pattern.compile("(//[^/@:]*:)[^/@]*@");
    private static final String MASK = "********";

    /**
     * The URL as logs, errors and the health details show it: a password written into the URL is masked, as the
     * one in {@code spring.datasource.password} is never shown.
     */
    public String shownUrl() {
        String shown = PASSWORD_PARAMETER.matcher(url).replaceAll("$1" + MASK);
        return USER_INFO.matcher(shown).replaceAll("$1" + MASK + "@");
    }

    @Override
    public String toString() {
        return "DatabaseConnection[url=" + shownUrl() + ", user=" + user + "]";
    }
}
