package org.openamr.gateway.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.openamr.gateway.layout.Layout;
import org.openamr.gateway.layout.MeterStatus;
import org.openamr.gateway.layout.ValueFormat;
import org.openamr.mbus.app.SecondaryAddress;
import org.openamr.modbus.map.WordOrder;

class RegisterImageTest {

    private static final Instant READ = Instant.parse("2026-12-01T10:00:00Z");

    private static RegisterImage image(WordOrder order) {
        MeterSnapshot read = new MeterSnapshot(1, MeterStatus.OK, OptionalInt.of(7),
                Optional.of(SecondaryAddress.parse("68410001D3102F04")), 0, Optional.of(READ), Optional.of(READ), 0,
                MeterValues.NONE, OptionalLong.of(0x1234));
        GatewayInfo info = new GatewayInfo(4242, GatewayInfo.version("0.1.0-SNAPSHOT"), 2, Optional.of(READ), 1, 1, 0, 0,
                Duration.ofSeconds(3), Optional.empty());
        return new ImageBuilder(ValueFormat.INT32, order).build(info, List.of(read, MeterSnapshot.empty(2),
                new MeterSnapshot(3, MeterStatus.NOT_READ_YET, OptionalInt.empty(), Optional.empty(), 0, Optional.empty(),
                        Optional.empty(), 0, MeterValues.NONE, OptionalLong.empty())));
    }

    @Test
    void servesTheGatewayBlockAndOneBlockPerSlotUpToTheHighest() {
        RegisterImage image = image(WordOrder.BIG);
        assertThat(image.registers()).isEqualTo(4 * Layout.BLOCK);
        assertThat(image.serves(0, 125)).isTrue();
        assertThat(image.serves(4 * Layout.BLOCK - 1, 1)).isTrue();
        assertThat(image.serves(4 * Layout.BLOCK - 1, 2)).isFalse();
        assertThat(image.serves(-1, 1)).isFalse();
        long now = READ.getEpochSecond() + 90;
        assertThat(image.word(Layout.G_MAGIC, now)).isEqualTo(0x4F41);
        assertThat(image.word(Layout.G_VERSION + 1, now)).isEqualTo(1);
        assertThat(image.word(Layout.G_SERIAL + 1, now)).isEqualTo(4242);
        assertThat(image.word(Layout.G_SLOTS, now)).isEqualTo(3);
        assertThat(image.word(Layout.G_METERS, now)).isEqualTo(2);
        int m = Layout.blockStart(1);
        assertThat(image.word(m + Layout.ID, now)).isEqualTo(0x6841);
        assertThat(image.word(m + Layout.ID + 1, now)).isEqualTo(0x0001);
        assertThat(image.word(m + Layout.MANUFACTURER, now)).isEqualTo(0x10D3);
        assertThat(image.word(m + Layout.PRIMARY, now)).isEqualTo(7);
        assertThat(image.word(m + Layout.STATUS, now)).isEqualTo(MeterStatus.OK.code());
        assertThat(image.word(m + Layout.ERROR_CODE + 1, now)).isEqualTo(0x1234);
        assertThat(image.word(Layout.blockStart(2) + Layout.STATUS, now)).isEqualTo(MeterStatus.EMPTY.code());
        assertThat(image.word(Layout.blockStart(3) + Layout.STATUS, now)).isEqualTo(MeterStatus.NOT_READ_YET.code());
        assertThat(image.word(Layout.blockStart(3) + Layout.PRIMARY, now)).isEqualTo(Layout.NO_PRIMARY);
    }

    @Test
    void theClockAndTheAgesAreThoseOfTheRequestInEitherWordOrder() {
        long now = READ.getEpochSecond() + 90;
        RegisterImage big = image(WordOrder.BIG);
        int age = Layout.blockStart(1) + Layout.AGE;
        assertThat(big.word(age, now)).isZero();
        assertThat(big.word(age + 1, now)).isEqualTo(90);
        assertThat(big.word(age + 1, now + 10)).as("the same image, ten seconds later").isEqualTo(100);
        assertThat(big.word(Layout.blockStart(3) + Layout.AGE, now)).as("never read").isEqualTo(0xFFFF);
        RegisterImage little = image(WordOrder.LITTLE);
        assertThat(little.word(age, now)).isEqualTo(90);
        assertThat(little.word(age + 1, now)).isZero();
        assertThat(little.word(Layout.G_NOW, now)).isEqualTo((int) (now & 0xFFFF));
        assertThat(little.word(Layout.G_NOW + 1, now)).isEqualTo((int) (now >>> 16));
        byte[] split = big.read(age + 1, 1, now);
        assertThat(split).as("half of the age register pair").containsExactly(0, 90);
    }
}
