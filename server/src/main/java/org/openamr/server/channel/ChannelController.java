package org.openamr.server.channel;

import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.openamr.server.api.Page;
import org.openamr.server.security.AccessScope;
import org.openamr.server.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Acquisition channels: how the server reaches a building's meters, when it polls them, and
 * read-now and searches on demand. Reading channels needs sight of their whole building; changing
 * them, polling and searching also {@link AccessScope#mayOperateChannels()}.
 */
@RestController
@RequestMapping("/api/v1/channels")
public class ChannelController {

    private final CurrentUser currentUser;
    private final ChannelService service;
    private final JobService jobs;

    public ChannelController(CurrentUser currentUser, ChannelService service, JobService jobs) {
        this.currentUser = currentUser;
        this.service = service;
        this.jobs = jobs;
    }

    @GetMapping
    public Page<ChannelView> list(@RequestParam(name = "page", defaultValue = "0") int page,
            @RequestParam(name = "size", defaultValue = "50") int size,
            @RequestParam(name = "buildingId", required = false) UUID buildingId,
            @RequestParam(name = "kind", required = false) ChannelKind kind) {
        return service.list(currentUser.scope(), buildingId, kind, page, size);
    }

    @GetMapping("/{id}")
    public ChannelView get(@PathVariable("id") UUID id) {
        return service.get(id, currentUser.scope());
    }

    @PostMapping
    public ResponseEntity<ChannelView> create(@RequestBody NewChannel request) {
        ChannelView created = service.create(request, currentUser.scope());
        return ResponseEntity.created(URI.create("/api/v1/channels/" + created.id())).body(created);
    }

    @PatchMapping("/{id}")
    public ChannelView update(@PathVariable("id") UUID id, @RequestBody Map<String, Object> patch) {
        return service.update(id, ChannelPatch.of(patch), currentUser.scope());
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable("id") UUID id) {
        service.delete(id, currentUser.scope());
        return ResponseEntity.noContent().build();
    }

    /** A new push token for a concentrator channel, shown this once; the previous token stops working. */
    @PostMapping("/{id}/token")
    public ResponseEntity<ChannelService.IssuedToken> token(@PathVariable("id") UUID id) {
        return ResponseEntity.status(HttpStatus.CREATED).body(service.issueToken(id, currentUser.scope()));
    }

    /** Read now: a job that polls every meter of the channel. */
    @PostMapping("/{id}/poll")
    public ResponseEntity<JobView> poll(@PathVariable("id") UUID id) {
        return accepted(jobs.readNow(id, currentUser.scope()));
    }

    /** A job that searches the channel's bus and registers the meters found. */
    @PostMapping("/{id}/search")
    public ResponseEntity<JobView> search(@PathVariable("id") UUID id,
            @RequestParam(name = "mode", required = false) String mode,
            @RequestParam(name = "mask", required = false) String mask,
            @RequestParam(name = "from", required = false) Integer from,
            @RequestParam(name = "to", required = false) Integer to) {
        return accepted(jobs.search(id, SearchSpec.of(mode, mask, from, to), currentUser.scope()));
    }

    @GetMapping("/{id}/runs")
    public Page<RunView> runs(@PathVariable("id") UUID id, @RequestParam(name = "page", defaultValue = "0") int page,
            @RequestParam(name = "size", defaultValue = "50") int size) {
        return service.runs(id, currentUser.scope(), page, size);
    }

    @GetMapping("/{id}/runs/{runId}")
    public RunView run(@PathVariable("id") UUID id, @PathVariable("runId") UUID runId) {
        return service.run(id, runId, currentUser.scope());
    }

    private static ResponseEntity<JobView> accepted(JobView job) {
        return ResponseEntity.accepted().location(URI.create("/api/v1/jobs/" + job.id())).body(job);
    }
}
