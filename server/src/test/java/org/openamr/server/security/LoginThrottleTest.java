package org.openamr.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The throttle's rules on a clock the test moves (nobody waits). */
class LoginThrottleTest {

    static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-12-04T12:00:00Z");

        void pass(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final MovingClock clock = new MovingClock();
    final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void failuresFromOneAddressDelayThatAddressMoreAndMoreButNotAnother() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            assertThat(throttle.refusal("admin", "10.0.0.1")).isEmpty();
            throttle.failed("admin", "10.0.0.1");
        }
        assertThat(throttle.refusal("Admin", "10.0.0.1")).contains(Duration.ofSeconds(30));
        assertThat(throttle.refusal("admin", "10.0.0.2")).as("the owner elsewhere").isEmpty();
        assertThat(throttle.userBlocked("admin")).isTrue();

        clock.pass(Duration.ofSeconds(30));
        assertThat(throttle.refusal("admin", "10.0.0.1")).isEmpty();
        throttle.failed("admin", "10.0.0.1");
        assertThat(throttle.refusal("admin", "10.0.0.1")).contains(Duration.ofSeconds(60));
        clock.pass(Duration.ofSeconds(60));
        throttle.failed("admin", "10.0.0.1");
        assertThat(throttle.refusal("admin", "10.0.0.1")).contains(Duration.ofSeconds(120));
        for (int i = 0; i < 5; i++) {
            clock.pass(throttle.refusal("admin", "10.0.0.1").orElseThrow());
            throttle.failed("admin", "10.0.0.1");
        }
        assertThat(throttle.refusal("admin", "10.0.0.1")).as("never longer than").contains(LoginThrottle.MAX_DELAY);
    }

    @Test
    void theRightPasswordForgetsTheOwnersTyposAndAnAdministratorForgetsEverything() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES - 1; i++) {
            throttle.failed("flat3", "10.0.0.1");
        }
        throttle.succeeded("flat3", "10.0.0.1");
        throttle.failed("flat3", "10.0.0.1");
        assertThat(throttle.refusal("flat3", "10.0.0.1")).isEmpty();

        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            throttle.failed("flat3", "10.0.0.9");
        }
        assertThat(throttle.refusal("flat3", "10.0.0.9")).isPresent();
        throttle.release("flat3");
        assertThat(throttle.refusal("flat3", "10.0.0.9")).isEmpty();
        assertThat(throttle.userBlocked("flat3")).isFalse();
    }

    @Test
    void oneAddressTryingManyNamesIsSlowedAcrossThem() {
        for (int i = 0; i < LoginThrottle.ADDRESS_FREE_FAILURES; i++) {
            throttle.failed("user" + i, "10.0.0.1");
        }
        assertThat(throttle.refusal("somebody-else", "10.0.0.1")).contains(Duration.ofSeconds(30));
        assertThat(throttle.refusal("somebody-else", "10.0.0.2")).isEmpty();
    }

    @Test
    void aNameGuessedFromManyAddressesKeepsEachOfThemOutButNotTheOwnersOwn() {
        for (int i = 0; i < LoginThrottle.NAME_ALERT; i++) {
            throttle.failed("admin", "10.0.1." + i);
        }
        assertThat(throttle.userBlocked("admin")).isTrue();
        Optional<Duration> guesser = throttle.refusal("admin", "10.0.1.3");
        assertThat(guesser).as("one failure is enough while the name is under attack").contains(LoginThrottle.MAX_DELAY);
        assertThat(throttle.refusal("admin", "192.168.1.10")).as("an address with no failures").isEmpty();
    }

    @Test
    void failuresAreForgottenAfterTheWindow() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            throttle.failed("admin", "10.0.0.1");
        }
        clock.pass(LoginThrottle.WINDOW.plusSeconds(1));
        assertThat(throttle.refusal("admin", "10.0.0.1")).isEmpty();
        assertThat(throttle.userBlocked("admin")).isFalse();
    }
}
