package org.openamr.server.alarm.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Evaluates the rules when readings arrive and on a schedule: every tick it looks whether any meter was heard since
 * the last evaluation (the newest {@code meter.last_seen_at}, one cheap query), and evaluates when one was or when
 * {@code openamr.alarms.interval} has passed (silence and due dates change with time alone). A failed evaluation is
 * logged and tried again at the next tick.
 */
@Component
@ConditionalOnProperty(name = "openamr.alarms.enabled", havingValue = "true", matchIfMissing = true)
class AlarmScheduler {

    private static final Logger log = LoggerFactory.getLogger(AlarmScheduler.class);

    private final AlarmEvaluator evaluator;
    private final RuleInputs inputs;
    private final Duration interval;
    private Instant lastRun = Instant.EPOCH;
    private Instant lastHeard;

    AlarmScheduler(AlarmEvaluator evaluator, RuleInputs inputs,
            @Value("${openamr.alarms.interval:5m}") Duration interval) {
        this.evaluator = evaluator;
        this.inputs = inputs;
        this.interval = interval;
    }

    @Scheduled(fixedDelayString = "${openamr.alarms.tick:15s}", initialDelayString = "${openamr.alarms.tick:15s}")
    void tick() {
        try {
            Instant heard = inputs.newestHeard();
            Instant now = Instant.now();
            if (Objects.equals(heard, lastHeard) && now.isBefore(lastRun.plus(interval))) {
                return;
            }
            AlarmEvaluator.Outcome outcome = evaluator.evaluate(now);
            if (outcome.ran()) {
                lastRun = now;
                lastHeard = heard;
            }
        } catch (RuntimeException e) {
            log.warn("alarm evaluation failed, tried again at the next tick: {}", e.toString());
        }
    }
}
