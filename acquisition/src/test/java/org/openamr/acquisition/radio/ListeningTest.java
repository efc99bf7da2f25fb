package org.openamr.acquisition.radio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.openamr.wmbus.WirelessDecoder;
import org.openamr.wmbus.keys.AesKey;
import org.openamr.wmbus.keys.KeyStore;
import org.openamr.wmbus.receiver.LinkMode;

class ListeningTest {

    private static final Instant T0 = Instant.parse("2026-11-24T10:15:30Z");

    private static HeardTelegram heard(String receiver, int second, byte[] telegram, int rssi) {
        return new HeardTelegram(receiver, T0.plusSeconds(second), Optional.of(LinkMode.T1), OptionalInt.of(rssi),
                telegram);
    }

    private static Listening listening(KeyStore keys) {
        return new Listening(new WirelessDecoder(keys), Optional.empty(), DuplicateFilter.DEFAULT_WINDOW);
    }

    @Test
    void theSameTelegramFromTwoReceiversAndViaARepeaterIsDeliveredOnce() {
        Listening l = listening(KeyStore.publicDefaults().withMeterKey("ELS", "11223344",
                AesKey.parse(Telegrams.MODE5_KEY)));
        byte[] mode5 = Telegrams.bytes(Telegrams.MODE5);
        assertThat(l.accept(heard("im871a:/dev/ttyUSB0", 0, mode5, -70))).isInstanceOf(Listening.Decoded.class);
        assertThat(l.accept(heard("amb8465:/dev/ttyUSB1", 1, mode5, -85))).isInstanceOf(Listening.Duplicate.class);
        assertThat(l.accept(heard("im871a:/dev/ttyUSB0", 2, Telegrams.mode5Relayed(), -60)))
                .isInstanceOf(Listening.Duplicate.class);
        // Heard again after the window: a meter that repeats its telegram unchanged is heard again.
        assertThat(l.accept(heard("im871a:/dev/ttyUSB0", 31, mode5, -71))).isInstanceOf(Listening.Decoded.class);
        ListenCounts c = l.counts();
        assertThat(c.telegrams()).isEqualTo(2);
        assertThat(c.duplicates()).isEqualTo(2);
        assertThat(c.errors()).isEmpty();
        List<HeardMeter> meters = l.meters().list();
        assertThat(meters).hasSize(1);
        HeardMeter m = meters.get(0);
        assertThat(m.meter().manufacturerLetters()).isEqualTo("ELS");
        assertThat(m.meter().id()).isEqualTo("11223344");
        assertThat(m.telegrams()).isEqualTo(2);
        assertThat(m.firstSeen()).isEqualTo(T0);
        assertThat(m.lastSeen()).isEqualTo(T0.plusSeconds(31));
        assertThat(m.lastRssiDbm()).hasValue(-71);
        assertThat(m.readability()).isEqualTo(HeardMeter.Readability.DECRYPTED);
        assertThat(m.encrypted()).isTrue();
        assertThat(m.keyWorks()).isTrue();
    }

    @Test
    void missingAndWrongKeysAndDamageAreCountedByKindAndMetersStillListed() {
        Listening noKey = listening(KeyStore.publicDefaults());
        Listening.Decoded d = (Listening.Decoded) noKey.accept(heard("r", 0, Telegrams.bytes(Telegrams.MODE5), -70));
        assertThat(d.complete()).isFalse();
        noKey.accept(new Reception.Damaged("r", T0, "crc", "rtl_wmbus reports a failed block CRC"));
        noKey.accept(heard("r", 1, Telegrams.bytes(Telegrams.SONOMETER), -90));
        assertThat(noKey.counts().errors()).isEqualTo(Map.of("missing-key", 1L, "crc", 1L));
        assertThat(noKey.counts().telegrams()).isEqualTo(2);
        List<HeardMeter> meters = noKey.meters().list();
        assertThat(meters).extracting(m -> m.meter().manufacturerLetters() + " " + m.meter().id() + " "
                + m.readability().jsonName()).containsExactly("DFS 41494068 default-key", "ELS 11223344 missing-key");

        Listening wrongKey = listening(KeyStore.publicDefaults().withMeterKey("ELS", "11223344",
                AesKey.parse("000102030405060708090A0B0C0D0EEE")));
        Listening.Event e = wrongKey.accept(heard("r", 0, Telegrams.bytes(Telegrams.MODE5), -70));
        assertThat(((Listening.Failed) e).reason().kind()).isEqualTo("wrong-key");
        assertThat(wrongKey.meters().list().get(0).readability()).isEqualTo(HeardMeter.Readability.WRONG_KEY);
        assertThat(wrongKey.counts().errorCount()).isEqualTo(1);
    }

    @Test
    void aModeFilterSetsAsideOtherModesButKeepsUnknownOnes() {
        Listening l = new Listening(new WirelessDecoder(KeyStore.publicDefaults()), Optional.of(LinkMode.C1),
                Duration.ofSeconds(30));
        byte[] sono = Telegrams.bytes(Telegrams.SONOMETER);
        assertThat(l.accept(heard("r", 0, sono, -70))).isInstanceOf(Listening.OtherMode.class);
        assertThat(l.accept(new HeardTelegram("r", T0, Optional.empty(), OptionalInt.empty(), sono)))
                .isInstanceOf(Listening.Decoded.class);
        assertThat(l.counts().otherModes()).isEqualTo(1);
        assertThat(l.meters().list().get(0).lastRssiDbm()).isEmpty();
    }
}
