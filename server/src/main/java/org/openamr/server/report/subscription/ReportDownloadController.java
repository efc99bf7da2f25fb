package org.openamr.server.report.subscription;

import java.time.Instant;
import org.openamr.server.report.FileNames;
import org.openamr.server.security.Tokens;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code GET /reports/download/{token}}: a scheduled report too large for e-mail, by the link the mail carried. The
 * token is the right to it (256 random bits, only its hash stored), as for any such link, so no sign-in is needed.
 * A link that no longer works is a page in the reader's language, since a person follows it from a mail: 410 Gone
 * while the expired file is still kept, 404 once it is removed or for a token that never was (the two look alike
 * to the reader, and a stranger learns nothing from them).
 */
@Controller
class ReportDownloadController {

    private final SubscriptionRepository repository;

    ReportDownloadController(SubscriptionRepository repository) {
        this.repository = repository;
    }

    /** Why a link gives no file. */
    static final class LinkUnusable extends RuntimeException {
        private final boolean expired;

        LinkUnusable(boolean expired) {
            super(expired ? "the report download link has expired" : "no report download by this link", null, false,
                    false);
            this.expired = expired;
        }
    }

    @GetMapping(SubscriptionRunner.DOWNLOAD_PATH + "{token}")
    ResponseEntity<byte[]> download(@PathVariable String token) {
        SubscriptionRepository.Download d = repository.download(Tokens.hash(token))
                .orElseThrow(() -> new LinkUnusable(false));
        if (!d.expiresAt().isAfter(Instant.now())) {
            throw new LinkUnusable(true);
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(d.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, FileNames.contentDisposition(d.fileName()))
                .body(d.content());
    }

    @ExceptionHandler(LinkUnusable.class)
    ModelAndView unusable(LinkUnusable e) {
        ModelAndView page = new ModelAndView("error/download");
        page.addObject("expired", e.expired);
        page.setStatus(e.expired ? HttpStatus.GONE : HttpStatus.NOT_FOUND);
        return page;
    }
}
