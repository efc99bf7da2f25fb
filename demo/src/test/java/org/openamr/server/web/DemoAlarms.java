package org.openamr.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.openamr.demo.DemoBuilding;
import org.openamr.server.alarm.evaluation.AlarmEvaluator;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Open alarms in a demo server's data, for the pages' tests that want the alarms page and badges to show some. */
final class DemoAlarms {

    /** The resident's apartment's meter. */
    static final String APARTMENT_1_METER = "68410001";

    private DemoAlarms() {
    }

    /**
     * Apartment 1's meter due for verification in ten days, then an evaluation: an alarm whatever else the demo's data
     * raises (its faults come and go with the demo's model), in the resident's apartment too.
     */
    static void raise(JdbcClient jdbc, AlarmEvaluator evaluator) throws InterruptedException {
        int updated = jdbc.sql("update meter set next_verification = ? where serial = ?")
                .params(LocalDate.now(DemoBuilding.ZONE).plusDays(10), APARTMENT_1_METER).update();
        assertThat(updated).as("the demo's meter " + APARTMENT_1_METER).isEqualTo(1);
        evaluate(evaluator);
    }

    /** Evaluates now; the demo's own scheduler may hold the evaluation's lock for a moment, then this waits its turn. */
    static void evaluate(AlarmEvaluator evaluator) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!evaluator.evaluate(Instant.now()).ran()) {
            assertThat(System.nanoTime()).as("an evaluation within a minute").isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
