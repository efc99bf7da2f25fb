package org.openamr.mbus.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BusTimingTest {

    @Test
    void characterAndWindowAt2400Baud() {
        BusTiming t = new BusTiming(2400);
        // 11 bits at 2400 baud: 4.583 ms a byte (shared/docs/mbus.md)
        assertThat(t.frameTime(1)).isEqualTo(Duration.ofNanos(4_583_333));
        assertThat(t.minimumTurnaround()).isEqualTo(Duration.ofNanos(4_583_333));
        // 330 bit times + 50 ms = 187.5 ms
        assertThat(t.maximumTurnaround()).isEqualTo(Duration.ofNanos(187_500_000));
    }

    @Test
    void aBufferingChannelAddsTheRequestsTransmissionAndItsLatency() {
        BusTiming t = new BusTiming(2400);
        Duration serial = t.responseTimeout(5, true, Duration.ZERO);
        Duration gateway = t.responseTimeout(5, false, Duration.ofMillis(40));
        assertThat(serial).isEqualTo(t.maximumTurnaround());
        assertThat(gateway).isEqualTo(t.maximumTurnaround().plus(t.frameTime(5)).plus(Duration.ofMillis(40)));
    }

    @Test
    void fasterBusesHaveShorterWindows() {
        assertThat(new BusTiming(9600).maximumTurnaround()).isLessThan(new BusTiming(300).maximumTurnaround());
        assertThat(new BusTiming(300).maximumTurnaround()).isEqualTo(Duration.ofMillis(1150));
        assertThatThrownBy(() -> new BusTiming(100)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void latencyIsTheSmallestRecentExcessWithMargin() {
        LatencyEstimator e = new LatencyEstimator(Duration.ofMillis(100));
        assertThat(e.latency()).isEqualTo(Duration.ofMillis(100));
        e.observe(Duration.ofMillis(30));
        e.observe(Duration.ofMillis(12));
        e.observe(Duration.ofMillis(90));
        e.observe(Duration.ofMillis(-5)); // a fast slave on a fast channel: nothing to add
        assertThat(e.latency()).isEqualTo(Duration.ZERO);
        LatencyEstimator g = new LatencyEstimator(Duration.ZERO);
        g.observe(Duration.ofMillis(40));
        g.observe(Duration.ofMillis(48));
        assertThat(g.latency()).isEqualTo(Duration.ofMillis(50));
    }
}
