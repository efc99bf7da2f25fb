package org.openamr.mbus.golden;

import org.openamr.mbus.TestBytes;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openamr.mbus.DecodeException;
import org.openamr.mbus.Telegram;
import org.openamr.mbus.TelegramCodec;
import org.openamr.mbus.app.ApplicationMessage;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.mbus.quantity.Unit;
import org.openamr.mbus.record.DataRecord;
import org.openamr.mbus.record.Modifier;
import org.openamr.mbus.value.Value;

/**
 * Golden test against libmbus: every wired frame of libmbus's {@code test/test-frames} is decoded
 * and compared, header and record by record, with libmbus's normalised decode
 * ({@code *.norm.xml}), by the rules of the conformance runner's {@code suite_libmbus} made exact:
 * see {@link LibmbusComparison}. Vectors: {@code src/test/resources/vectors/libmbus} (BSD-3-Clause,
 * see the README there).
 */
class LibmbusGoldenTest {

    private static final Path DIR = Vectors.dir("libmbus/test-frames");

    private static final AtomicInteger FRAMES = new AtomicInteger();
    private static final AtomicInteger MATCHED = new AtomicInteger();
    private static final AtomicInteger SKIPPED = new AtomicInteger();
    private static final AtomicInteger DEVIATING = new AtomicInteger();

    /** A record where we deliberately decode otherwise than libmbus, and what we decode instead. */
    private record Deviation(String why, Consumer<DataRecord> ours) {
    }

    /**
     * The known, deliberate deviations from libmbus, by frame and libmbus record id. For each, the
     * test asserts that libmbus's value is indeed not what we give (so that this list stays exact)
     * and that we give our documented decode.
     */
    private static final Map<String, Map<Integer, Deviation>> DEVIATIONS = Map.of(
            // VIFE E101 u nn (0x50..0x5F) = "duration of limit exceed" (EN 13757-3, table of
            // combinable VIFEs; u = 0 lower, 1 upper limit; nn = 00 seconds): the value is a
            // duration in seconds. libmbus ignores the VIFE and prints the raw number as the VIF's
            // volume flow.
            "SEN_Pollustat", Map.of(
                    12, new Deviation("VIF 3E VIFE 50: duration of lower limit exceed, seconds",
                            r -> duration(r, Quantity.VOLUME_FLOW, "11582321")),
                    13, new Deviation("VIF 3E VIFE 58: duration of upper limit exceed, seconds",
                            r -> duration(r, Quantity.VOLUME_FLOW, "756"))),
            // VIFE 0x6F is a "date (/time) of" code of EN 13757-3's combinable VIFE table (here in
            // a 4-byte field: type F): the record carries the date and time at which the maximum of
            // the VIF's quantity occurred, not the quantity. libmbus ignores the VIFE and prints the date's
            // bytes as an integer scaled as the quantity (0 W; 41065374.6 °C). Records 21 and 22
            // are the same case as 19 and 20; the conformance runner never saw them because it
            // reads the XML's °C as "Â°C" (the files are UTF-8 but declare ISO-8859-1) and skips
            // every record in that unit.
            "landis+gyr_ultraheat_t230", Map.of(
                    19, new Deviation("VIF AD 6F, bytes 00000000: date of maximum power, not set",
                            r -> unsetDate(r, Quantity.POWER)),
                    20, new Deviation("VIF BB 6F, bytes 00000000: date of maximum volume flow, not set",
                            r -> unsetDate(r, Quantity.VOLUME_FLOW)),
                    21, new Deviation("VIF DA 6F, bytes 32147A18: date of maximum flow temperature",
                            r -> dateOf(r, Quantity.FLOW_TEMPERATURE, LocalDateTime.of(2011, 8, 26, 20, 50))),
                    22, new Deviation("VIF DE 6F, bytes 2B0B6918: date of maximum return temperature",
                            r -> dateOf(r, Quantity.RETURN_TEMPERATURE, LocalDateTime.of(2011, 8, 9, 11, 43))),
                    // Type F with year 127 (and day 1, month 1, 00:00): EN 13757-3 Annex A uses the
                    // all-ones year for "every year", a recurring point (here: each 1 January), no
                    // calendar date. libmbus prints it as 2027-01-01.
                    32, new Deviation("VIF 6D, bytes 0000E1F1: year 127 = every year",
                            r -> {
                                assertThat(r.quantity()).isEqualTo(Quantity.DATE_TIME);
                                assertThat(r.storageNumber()).isEqualTo(510);
                                assertThat(r.value()).isInstanceOf(Value.Unavailable.class);
                            })));

    static List<String> frames() {
        return Vectors.names(DIR, ".hex");
    }

    @Test
    void everyFrameHasItsExpectedDecode() {
        assertThat(frames()).hasSize(76);
        assertThat(Vectors.names(DIR, ".norm.xml")).isEqualTo(frames());
        assertThat(DEVIATIONS.keySet()).allSatisfy(name -> assertThat(frames()).contains(name));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frames")
    void decodesAsLibmbus(String name) throws DecodeException {
        Telegram telegram = TelegramCodec.decode(TestBytes.hex(Vectors.read(DIR.resolve(name + ".hex"))));
        LibmbusNorm expected = LibmbusNorm.parse(DIR.resolve(name + ".norm.xml"));

        assertThat(telegram.message()).isInstanceOf(ApplicationMessage.VariableDataResponse.class);
        ApplicationMessage.VariableDataResponse response = (ApplicationMessage.VariableDataResponse) telegram.message();
        List<String> problems = new ArrayList<>(LibmbusComparison.headerProblems(response.header(), expected.slave()));

        List<DataRecord> ours = response.data().records();
        Map<Integer, Deviation> deviations = DEVIATIONS.getOrDefault(name, Map.of());
        int compared = 0;
        for (LibmbusNorm.Rec rec : expected.records()) {
            DataRecord our = rec.id() < ours.size() ? ours.get(rec.id()) : null;
            if (our != null) {
                compared++;
            }
            LibmbusComparison.Result result = LibmbusComparison.compare(rec, our, response.data());
            Deviation deviation = deviations.get(rec.id());
            if (deviation != null) {
                assertThat(result.outcome())
                        .as("%s record %d is listed as a deviation (%s) but matches libmbus", name, rec.id(),
                                deviation.why())
                        .isEqualTo(LibmbusComparison.Outcome.MISMATCH);
                assertThat(our).as("%s record %d", name, rec.id()).isNotNull();
                deviation.ours().accept(our);
                DEVIATING.incrementAndGet();
                continue;
            }
            switch (result.outcome()) {
                case MATCHED -> MATCHED.incrementAndGet();
                case SKIPPED -> SKIPPED.incrementAndGet();
                default -> problems.add("record " + rec.id() + ": " + result.detail() + "  [ours: " + our + "]");
            }
        }
        if (compared != ours.size()) {
            problems.add("we decode " + ours.size() + " records, libmbus lists " + compared
                    + " (plus manufacturer data)");
        }
        FRAMES.incrementAndGet();
        assertThat(problems).as("differences from libmbus in %s", name).isEmpty();
    }

    @AfterAll
    static void printCounts() {
        System.out.printf("libmbus golden: %d frames, %d records matched, %d skipped as the conformance runner "
                + "skips them, %d deliberate deviations checked%n", FRAMES.get(), MATCHED.get(), SKIPPED.get(),
                DEVIATING.get());
    }

    // ---- our documented decodes of the deviating records -------------------------------------

    private static void duration(DataRecord r, Quantity quantity, String seconds) {
        assertThat(r.quantity()).isEqualTo(quantity);
        assertThat(r.valueInformation().meaning().has(Modifier.DURATION_OF_LIMIT_EXCEED)).isTrue();
        assertThat(r.unit()).isEqualTo(Unit.SECOND);
        assertThat(r.value()).isInstanceOfSatisfying(Value.Numeric.class,
                n -> assertThat(n.amount()).isEqualByComparingTo(new BigDecimal(seconds)));
    }

    private static void unsetDate(DataRecord r, Quantity quantity) {
        assertThat(r.quantity()).isEqualTo(quantity);
        assertThat(r.valueInformation().meaning().has(Modifier.DATE_OF)).isTrue();
        assertThat(r.unit()).isEqualTo(Unit.NONE);
        assertThat(r.value()).isInstanceOfSatisfying(Value.Unavailable.class,
                u -> assertThat(u.reason()).contains("not set"));
    }

    private static void dateOf(DataRecord r, Quantity quantity, LocalDateTime when) {
        assertThat(r.quantity()).isEqualTo(quantity);
        assertThat(r.valueInformation().meaning().has(Modifier.DATE_OF)).isTrue();
        assertThat(r.unit()).isEqualTo(Unit.NONE);
        assertThat(r.value()).isInstanceOfSatisfying(Value.DateTime.class,
                d -> assertThat(d.dateTime()).isEqualTo(when));
    }
}
