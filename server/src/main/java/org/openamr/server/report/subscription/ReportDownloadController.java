package org.openamr.server.report.subscription;

import java.time.Instant;
import org.openamr.server.api.NotFoundException;
import org.openamr.server.report.FileNames;
import org.openamr.server.security.Tokens;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /reports/download/{token}}: a scheduled report too large for e-mail, by the link the mail carried. The
 * token is the right to it (256 random bits, only its hash stored), as for any such link, so no sign-in is needed;
 * an expired link is 410 Gone, an unknown one 404.
 */
@RestController
class ReportDownloadController {

    private final SubscriptionRepository repository;

    ReportDownloadController(SubscriptionRepository repository) {
        this.repository = repository;
    }

    @GetMapping(SubscriptionRunner.DOWNLOAD_PATH + "{token}")
    ResponseEntity<byte[]> download(@PathVariable String token) {
        SubscriptionRepository.Download d = repository.download(Tokens.hash(token))
                .orElseThrow(() -> new NotFoundException("report download", "link"));
        if (d.expiresAt().isBefore(Instant.now())) {
            return ResponseEntity.status(HttpStatus.GONE).contentType(MediaType.TEXT_PLAIN)
                    .body("This link has expired / Срок действия ссылки истёк".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(d.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, FileNames.contentDisposition(d.fileName()))
                .body(d.content());
    }
}
