package org.openamr.server.web.registerimport;

import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.openamr.server.registerimport.RegisterParser;
import org.openamr.server.registerimport.RowPlan;
import org.springframework.stereotype.Component;

/**
 * Previews waiting for confirmation, kept in the user's session: confirming imports the rows that were read and
 * shown, never a file sent again, and only in the session that saw them. A preview is named by a random token
 * and carries the SHA-256 of the uploaded bytes, which the confirming form sends back.
 */
@Component
class PendingImports {

    static final String ATTRIBUTE = PendingImports.class.getName();
    /** Previews kept per session; an older one is dropped (its form then says it expired). */
    static final int KEPT = 3;

    /**
     * @param promised what the preview showed, row by row ({@link RowPlan#promise()})
     */
    record Pending(String token, UUID building, String fileName, String sha256, RegisterParser.Parsed parsed,
                   List<List<Object>> promised, Instant at) {
    }

    String keep(HttpSession session, UUID building, String fileName, String sha256, RegisterParser.Parsed parsed,
            List<List<Object>> promised) {
        String token = UUID.randomUUID().toString();
        Map<String, Pending> kept = kept(session);
        kept.put(token, new Pending(token, building, fileName, sha256, parsed, promised, Instant.now()));
        while (kept.size() > KEPT) {
            kept.values().stream().min(Comparator.comparing(Pending::at)).ifPresent(p -> kept.remove(p.token()));
        }
        return token;
    }

    /** The preview of this token, if this session made it and it was of exactly these bytes. */
    Optional<Pending> take(HttpSession session, String token, String sha256) {
        Pending p = kept(session).get(token);
        return p != null && p.sha256().equals(sha256) ? Optional.of(p) : Optional.empty();
    }

    void forget(HttpSession session, String token) {
        kept(session).remove(token);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Pending> kept(HttpSession session) {
        Object o = session.getAttribute(ATTRIBUTE);
        if (o == null) {
            o = new ConcurrentHashMap<String, Pending>();
            session.setAttribute(ATTRIBUTE, o);
        }
        return (Map<String, Pending>) o;
    }
}
