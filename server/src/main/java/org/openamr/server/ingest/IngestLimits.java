package org.openamr.server.ingest;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.Period;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How much one push may carry: bytes (the body is read into memory, so this bounds what a push costs
 * before its token is even worth anything) and values (each becomes a row in one transaction).
 */
@Component
public class IngestLimits {

    private final long maxBodyBytes;
    private final int maxValues;
    private final Period maxReadingAge;

    public IngestLimits(@Value("${openamr.ingest.max-body-bytes:8388608}") long maxBodyBytes,
            @Value("${openamr.ingest.max-values:100000}") int maxValues,
            @Value("${openamr.ingest.max-reading-age:P5Y}") Period maxReadingAge) {
        this.maxBodyBytes = maxBodyBytes;
        this.maxValues = maxValues;
        this.maxReadingAge = maxReadingAge;
    }

    /** The times a push received now may give its readings. */
    TimeWindow window(Instant now) {
        return TimeWindow.around(now, maxReadingAge);
    }

    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    public int maxValues() {
        return maxValues;
    }

    /** The request body, refused (413) as soon as it is known to be too large. */
    byte[] body(HttpServletRequest request) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBodyBytes) {
            throw tooLarge("the push has " + declared + " bytes");
        }
        try (InputStream in = request.getInputStream()) {
            if (declared > 0) {
                // the usual case: read straight into a body of the declared size, no copies
                byte[] body = new byte[(int) declared];
                int read = in.readNBytes(body, 0, body.length);
                if (read < declared) {
                    throw IngestException.badDocument("the push ended after " + read + " of the "
                            + declared + " bytes its Content-Length announced");
                }
                return body;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) != -1) {
                total += n;
                if (total > maxBodyBytes) {
                    throw tooLarge("the push has more than " + maxBodyBytes + " bytes");
                }
                out.write(buffer, 0, n);
            }
            if (total == 0) {
                throw IngestException.badDocument("the push is empty");
            }
            return out.toByteArray();
        }
    }
    private IngestException tooLarge(String what) {
        String limit = maxBodyBytes % (1024 * 1024) == 0 ? maxBodyBytes / (1024 * 1024) + " MiB" : maxBodyBytes + " bytes";
        return IngestException.tooLarge(what + "; one push may have at most " + limit
                + " — configure the concentrator to push more often or fewer values at a time");
    }
}
