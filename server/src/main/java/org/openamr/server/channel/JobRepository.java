package org.openamr.server.channel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openamr.server.security.AccessScope;
import org.openamr.server.sql.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Jobs in {@code channel_job}. Every change is committed at once (no surrounding transaction), so
 * that any instance answers {@code GET /api/v1/jobs/{id}} with the job's current state.
 */
@Repository
public class JobRepository {

    private final JdbcClient jdbc;
    private final InstanceName instance;
    private final AcquisitionTexts texts;

    public JobRepository(JdbcClient jdbc, InstanceName instance, AcquisitionTexts texts) {
        this.jdbc = jdbc;
        this.instance = instance;
        this.texts = texts;
    }

    private static final Text WAITING_FOR_WORKER = Text.of(Text.Kind.JOB_WAITING_WORKER);

    public record Created(long id, UUID publicId) {
    }

    public Created create(long channelId, RunKind kind, SearchSpec search, String requestedBy) {
        return jdbc.sql("""
                insert into channel_job (channel_id, kind, mode, parameters, requested_by, instance, message,
                                         message_text)
                values (:channel, :kind, :mode, :parameters, :by, :instance, :message, :text)
                returning id, public_id""")
                .param("message", texts.english(WAITING_FOR_WORKER)).param("text", WAITING_FOR_WORKER.toJson())
                .param("channel", channelId).param("kind", kind.name())
                .param("mode", search == null ? null : search.mode().name(), java.sql.Types.VARCHAR)
                .param("parameters", search == null ? null : search.parameters(), java.sql.Types.VARCHAR)
                .param("by", requestedBy).param("instance", instance.value())
                .query((rs, n) -> new Created(rs.getLong("id"), rs.getObject("public_id", UUID.class))).single();
    }

    public void waiting(long jobId, Text message) {
        jdbc.sql("update channel_job set message = :message, message_text = :text where id = :id and status = 'QUEUED'")
                .param("message", texts.english(message)).param("text", message.toJson()).param("id", jobId).update();
    }

    public void running(long jobId) {
        jdbc.sql("""
                update channel_job set status = 'RUNNING', started_at = clock_timestamp(), message = null,
                    message_text = null
                where id = :id and status = 'QUEUED'""").param("id", jobId).update();
    }

    public void run(long jobId, long runId) {
        jdbc.sql("update channel_job set run_id = :run where id = :id").param("run", runId).param("id", jobId).update();
    }

    public void progress(long jobId, Integer done, Integer total, Double fraction, Integer found) {
        BigDecimal f = fraction == null ? null
                : BigDecimal.valueOf(Math.max(0, Math.min(1, fraction))).setScale(4, RoundingMode.DOWN);
        jdbc.sql("""
                update channel_job set progress_done = :done, progress_total = :total,
                    progress_fraction = :fraction, meters_found = :found
                where id = :id""")
                .param("done", done, java.sql.Types.INTEGER).param("total", total, java.sql.Types.INTEGER)
                .param("fraction", f, java.sql.Types.NUMERIC).param("found", found, java.sql.Types.INTEGER)
                .param("id", jobId).update();
    }

    public void done(long jobId, Text message) {
        jdbc.sql("""
                update channel_job set status = 'DONE', finished_at = clock_timestamp(), message = :message,
                    message_text = :text
                where id = :id and status in ('QUEUED', 'RUNNING')""")
                .param("message", RunRepository.cut(texts.english(message)), java.sql.Types.VARCHAR)
                .param("text", RunRepository.json(message), java.sql.Types.VARCHAR).param("id", jobId).update();
    }

    public void failed(long jobId, Text error) {
        Text why = error == null ? Text.of(Text.Kind.JOB_FAILED) : error;
        jdbc.sql("""
                update channel_job set status = 'FAILED', finished_at = clock_timestamp(), message = null,
                    message_text = null, error = :error, error_text = :text
                where id = :id and status in ('QUEUED', 'RUNNING')""")
                .param("error", RunRepository.cut(texts.english(why))).param("text", why.toJson()).param("id", jobId)
                .update();
    }

    /** Jobs this instance will not finish because it stops. */
    public int failUnfinished(java.util.Collection<Long> jobIds, Text error) {
        if (jobIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                update channel_job set status = 'FAILED', finished_at = clock_timestamp(), message = null,
                    message_text = null, error = :error, error_text = :text
                where id in (:ids) and status in ('QUEUED', 'RUNNING')""")
                .param("error", texts.english(error)).param("text", error.toJson()).param("ids", List.copyOf(jobIds))
                .update();
    }

    /** A job whose channel the scope sees. */
    public Optional<JobView> view(UUID publicId, AccessScope scope) {
        return Sql.format("select j.*, c.public_id as channel_public_id, " + RunView.columns("r") + """
                 from channel_job j
                join acquisition_channel c on c.id = j.channel_id
                left join poll_run r on r.id = j.run_id
                where j.public_id = :id and %s""", scope.wholeBuilding("c.building_id"))
                .on(jdbc).param("id", publicId)
                .query((rs, n) -> {
                    String mode = rs.getString("mode");
                    return new JobView(rs.getObject("public_id", UUID.class),
                            rs.getObject("channel_public_id", UUID.class), RunKind.valueOf(rs.getString("kind")),
                            mode == null ? null : SearchSpec.Mode.valueOf(mode), rs.getString("parameters"),
                            JobStatus.valueOf(rs.getString("status")), rs.getString("requested_by"), rs.getString("instance"),
                            RunView.instant(rs, "created_at"), RunView.instant(rs, "started_at"),
                            RunView.instant(rs, "finished_at"),
                            new JobView.Progress((Integer) rs.getObject("progress_done"),
                                    (Integer) rs.getObject("progress_total"), rs.getBigDecimal("progress_fraction"),
                                    (Integer) rs.getObject("meters_found")),
                            RunView.map(rs), rs.getString("message"), rs.getString("error"),
                            Text.fromJson(rs.getString("message_text")), Text.fromJson(rs.getString("error_text")));
                })
                .optional();
    }

    /** Who holds a channel's lock now, if anyone: for telling a waiting user. */
    public Optional<String> lockHolder(long channelId) {
        return jdbc.sql("""
                select locked_by from shedlock
                where name = :name and lock_until > timezone('utc', clock_timestamp())""")
                .param("name", ChannelLocks.lockName(channelId)).query(String.class).optional();
    }
}
