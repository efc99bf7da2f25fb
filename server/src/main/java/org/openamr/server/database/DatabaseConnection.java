package org.openamr.server.database;

/**
 * Where and as whom the server connects to its database, whether embedded or external: what a
 * further connection pool (e.g. one reserved for ingest) needs to reach the same database.
 */
public record DatabaseConnection(String url, String user, String password) {

    @Override
    public String toString() {
        return "DatabaseConnection[url=" + url + ", user=" + user + "]";
    }
}
