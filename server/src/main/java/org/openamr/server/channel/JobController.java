package org.openamr.server.channel;

import java.util.UUID;
import org.openamr.server.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Read-now and search jobs, seen by whoever sees their channel. */
@RestController
@RequestMapping("/api/v1/jobs")
public class JobController {

    private final CurrentUser currentUser;
    private final JobService jobs;

    public JobController(CurrentUser currentUser, JobService jobs) {
        this.currentUser = currentUser;
        this.jobs = jobs;
    }

    @GetMapping("/{id}")
    public JobView get(@PathVariable("id") UUID id) {
        return jobs.job(id, currentUser.scope());
    }
}
