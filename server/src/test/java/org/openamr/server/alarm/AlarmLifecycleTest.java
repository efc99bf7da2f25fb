package org.openamr.server.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openamr.server.alarm.AlarmLifecycle.Change;
import org.openamr.server.alarm.AlarmLifecycle.Transition;

class AlarmLifecycleTest {

    static final AlarmObject POINT = AlarmObject.point(UUID.fromString("00000000-0000-0000-0000-000000000017"));
    static final AlarmObject OTHER = AlarmObject.point(UUID.fromString("00000000-0000-0000-0000-000000000018"));
    static final UUID MANAGER = UUID.fromString("00000000-0000-0000-0000-0000000000aa");
    static final Instant T0 = Instant.parse("2026-11-03T00:05:00Z");

    static Instant t(int hours) {
        return T0.plus(Duration.ofHours(hours));
    }

    static Verdict holds(int hours) {
        return Verdict.holds(Evidence.of(t(hours), "flow in hour " + hours));
    }

    static Verdict ended(int hours) {
        return Verdict.ended(Evidence.of(t(hours), "no flow in hour " + hours));
    }

    static Transition step(Alarm open, Verdict verdict, int hours) {
        return AlarmLifecycle.next(RuleKind.LEAK, Severity.CRITICAL, POINT, open, verdict, t(hours));
    }

    @Test
    void raisesOnceWhenFirstSeenAndNotAgainWhileOpen() {
        Transition first = step(null, holds(0), 0);

        assertThat(first.change()).isEqualTo(Change.RAISED);
        Alarm alarm = first.alarm();
        assertThat(alarm.rule()).isEqualTo(RuleKind.LEAK);
        assertThat(alarm.object()).isEqualTo(POINT);
        assertThat(alarm.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(alarm.raisedAt()).isEqualTo(t(0));
        assertThat(alarm.raisingEvidence().detail()).isEqualTo("flow in hour 0");
        assertThat(alarm.state()).isEqualTo(AlarmState.RAISED);

        Transition again = step(alarm, holds(1), 1);

        assertThat(again.change()).isEqualTo(Change.UNCHANGED);
        assertThat(again.alarm()).isSameAs(alarm);
    }

    @Test
    void acknowledgesWithWhoWhenAndComment() {
        Alarm alarm = step(null, holds(0), 0).alarm();

        Alarm acked = alarm.acknowledge(new Acknowledgement(MANAGER, t(1), "  plumber called  "));

        assertThat(acked.state()).isEqualTo(AlarmState.ACKNOWLEDGED);
        assertThat(acked.acknowledgement().by()).isEqualTo(MANAGER);
        assertThat(acked.acknowledgement().at()).isEqualTo(t(1));
        assertThat(acked.acknowledgement().comment()).isEqualTo("plumber called");
        assertThat(acked.open()).isTrue();
        assertThat(step(acked, holds(2), 2).change()).isEqualTo(Change.UNCHANGED);
        assertThatThrownBy(() -> acked.acknowledge(new Acknowledgement(MANAGER, t(2), null)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> alarm.acknowledge(new Acknowledgement(MANAGER, t(-1), "")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before it was raised");
    }

    @Test
    void clearsAutomaticallyWhenTheConditionEndsWithTheClearingEvidence() {
        Alarm acked = step(null, holds(0), 0).alarm().acknowledge(new Acknowledgement(MANAGER, t(1), "seen"));

        Transition cleared = step(acked, ended(5), 5);

        assertThat(cleared.change()).isEqualTo(Change.CLEARED);
        assertThat(cleared.alarm().state()).isEqualTo(AlarmState.CLEARED);
        assertThat(cleared.alarm().clearedAt()).isEqualTo(t(5));
        assertThat(cleared.alarm().clearingEvidence().detail()).isEqualTo("no flow in hour 5");
        // what it was raised with and who acknowledged it stay
        assertThat(cleared.alarm().raisingEvidence().detail()).isEqualTo("flow in hour 0");
        assertThat(cleared.alarm().acknowledgement().comment()).isEqualTo("seen");
        assertThatThrownBy(() -> cleared.alarm().clear(t(6), ended(6).evidence()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aClearedAlarmMayStillBeAcknowledged() {
        Alarm cleared = step(step(null, holds(0), 0).alarm(), ended(1), 1).alarm();

        Alarm acked = cleared.acknowledge(new Acknowledgement(MANAGER, t(3), "saw it next morning"));

        assertThat(acked.state()).isEqualTo(AlarmState.CLEARED);
        assertThat(acked.acknowledgement()).isNotNull();
    }

    @Test
    void reRaisesAsANewAlarmAfterClearing() {
        Alarm first = step(null, holds(0), 0).alarm();
        Alarm cleared = step(first, ended(3), 3).alarm();

        // the journal passes no open alarm once the last one is cleared
        Transition again = step(null, holds(7), 7);

        assertThat(again.change()).isEqualTo(Change.RAISED);
        assertThat(again.alarm()).isNotEqualTo(cleared);
        assertThat(again.alarm().raisedAt()).isEqualTo(t(7));
        assertThat(again.alarm().acknowledgement()).isNull();
        assertThat(again.alarm().state()).isEqualTo(AlarmState.RAISED);
        assertThatThrownBy(() -> step(cleared, holds(8), 8)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cleared");
    }

    @Test
    void missingDataNeitherRaisesNorClears() {
        Verdict unknown = Verdict.unknown(Evidence.none("no readings"));
        Alarm open = step(null, holds(0), 0).alarm();

        assertThat(step(null, unknown, 1)).isEqualTo(new Transition(Change.UNCHANGED, null));
        assertThat(step(open, unknown, 1)).isEqualTo(new Transition(Change.UNCHANGED, open));
        assertThat(step(null, ended(1), 1)).isEqualTo(new Transition(Change.UNCHANGED, null));
    }

    @Test
    void refusesAnOpenAlarmOfAnotherObjectOrKind() {
        Alarm open = step(null, holds(0), 0).alarm();

        assertThatThrownBy(() -> AlarmLifecycle.next(RuleKind.LEAK, Severity.CRITICAL, OTHER, open, ended(1), t(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AlarmLifecycle.next(RuleKind.NO_READINGS, Severity.CRITICAL, POINT, open, ended(1),
                t(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void severitiesOrderFromTheMostUrgent() {
        assertThat(Severity.CRITICAL.atLeast(Severity.WARNING)).isTrue();
        assertThat(Severity.INFO.atLeast(Severity.WARNING)).isFalse();
        assertThat(Severity.WARNING.atLeast(Severity.WARNING)).isTrue();
    }

    @Test
    void everyKindAndSeveritySaysWhatItIsInBothLanguages() {
        for (RuleKind kind : RuleKind.values()) {
            assertThat(kind.label().en()).as(kind.name()).matches("[A-Z][^А-яЁё]+");
            assertThat(kind.label().ru()).as(kind.name()).matches("[А-ЯЁ].+");
        }
        assertThat(Severity.CRITICAL.label().ru()).isEqualTo("Критическая");
    }
}
