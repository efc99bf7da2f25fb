package org.openamr.server.consumption;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.mbus.quantity.Unit;

class ConsumptionCalculatorTest {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final Instant EARLY = Instant.parse("2020-01-01T00:00:00Z");

    static Instant msk(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(MOSCOW).toInstant();
    }

    static Sample s(Instant at, String value) {
        return new Sample(at, new BigDecimal(value));
    }

    static MeterInstallation meter(String serial, Instant installed, Instant removed, List<Sample> current) {
        return new MeterInstallation(serial, installed, removed, null, null, null, Unit.M3,
                new RegisterSeries(1, Unit.M3, current), null, null);
    }

    static List<PointInterval> days(ZoneId zone, String from, String to, MeterInstallation... meters) {
        List<Interval> intervals = Intervals.of(LocalDate.parse(from).atStartOfDay(zone).toInstant(),
                LocalDate.parse(to).atStartOfDay(zone).toInstant(), Resolution.DAY, zone);
        return ConsumptionCalculator.of(Resolution.DAY, zone).calculate(new PointInput(Quantity.VOLUME, List.of(meters)),
                intervals);
    }

    static PointInterval oneDay(MeterInstallation... meters) {
        List<PointInterval> result = days(MOSCOW, "2026-11-02", "2026-11-03", meters);
        assertThat(result).hasSize(1);
        return result.get(0);
    }

    @Test
    void readingsAtBothBoundariesGiveTheirExactDifference() {
        PointInterval day = oneDay(meter("A1", EARLY, null, List.of(
                s(msk("2026-11-02T00:00"), "100.125"), s(msk("2026-11-02T13:00"), "100.400"),
                s(msk("2026-11-03T00:00"), "101.000"))));

        assertThat(day.status()).isEqualTo(PointStatus.COMPLETE);
        assertThat(day.value()).isEqualByComparingTo("0.875");
        assertThat(day.value().toPlainString()).isEqualTo("0.875");
        assertThat(day.unit()).isEqualTo(Unit.M3);
        assertThat(day.interpolated()).isFalse();
        Segment seg = day.segments().get(0);
        assertThat(seg.start().source()).isEqualTo(BoundarySource.READING);
        assertThat(seg.start().readings()).singleElement().satisfies(r -> {
            assertThat(r.registerId()).isEqualTo(1L);
            assertThat(r.measuredAt()).isEqualTo(msk("2026-11-02T00:00"));
            assertThat(r.meterSerial()).isEqualTo("A1");
        });
        assertThat(day.interval().start()).isEqualTo(Instant.parse("2026-11-01T21:00:00Z"));
    }

    @Test
    void boundaryBetweenReadingsIsInterpolatedExactlyWithThreeMoreDecimals() {
        // 23:00 → 02:00 is three hours; midnight is one third of the way: 10 + 1/3 rounds half-even at scale 3+3
        PointInterval day = oneDay(meter("A1", EARLY, null, List.of(
                s(msk("2026-11-01T23:00"), "10.000"), s(msk("2026-11-02T02:00"), "11.000"),
                s(msk("2026-11-02T23:00"), "20.000"), s(msk("2026-11-03T01:00"), "20.002"))));

        Segment seg = day.segments().get(0);
        assertThat(seg.start().source()).isEqualTo(BoundarySource.INTERPOLATED);
        assertThat(seg.start().value().toPlainString()).isEqualTo("10.333333");
        assertThat(seg.start().readings()).extracting(SourceReading::measuredAt)
                .containsExactly(msk("2026-11-01T23:00"), msk("2026-11-02T02:00"));
        assertThat(seg.end().value().toPlainString()).isEqualTo("20.001000");
        assertThat(day.interpolated()).isTrue();
        assertThat(day.status()).isEqualTo(PointStatus.COMPLETE);
        assertThat(day.value().toPlainString()).isEqualTo("9.667667");
    }

    @Test
    void interpolationRoundsHalfEven() {
        // a rise of 0.001 over 16 h, boundary 1 h in: 0.0000625, a tie at 6 decimals → the even 0.000062
        PointInterval day = oneDay(meter("A1", EARLY, null, List.of(
                s(msk("2026-11-01T23:00"), "5.000"), s(msk("2026-11-02T15:00"), "5.001"),
                s(msk("2026-11-03T00:00"), "6.000"))));
        assertThat(day.segments().get(0).start().value().toPlainString()).isEqualTo("5.000062");
    }

    @Test
    void noReadingCloseEnoughIsAGapWithoutAFigure() {
        PointInterval day = oneDay(meter("A1", EARLY, null, List.of(
                s(msk("2026-11-01T00:00"), "1.000"),
                // 37 h after midnight of the 2nd's end: too far for a DAY boundary (36 h)
                s(msk("2026-11-04T13:00"), "3.000"))));

        assertThat(day.status()).isEqualTo(PointStatus.GAP);
        assertThat(day.value()).isNull();
        assertThat(day.problems()).anySatisfy(p -> assertThat(p).contains("A1").contains("36 h").contains("after"));
    }

    @Test
    void readingsWithinTheDistanceOnBothSidesAreNeeded() {
        PointInterval exactlyAtLimit = oneDay(meter("A1", EARLY, null, List.of(
                s(msk("2026-11-01T12:00"), "1.000"), s(msk("2026-11-03T12:00"), "3.000"))));
        // start boundary: 12 h before, 36 h after → allowed; end boundary: 36 h before, 12 h after → allowed
        assertThat(exactlyAtLimit.status()).isEqualTo(PointStatus.COMPLETE);
        assertThat(exactlyAtLimit.value()).isEqualByComparingTo("1.000");

        PointInterval justBeyond = oneDay(meter("A1", EARLY, null, List.of(
                s(msk("2026-11-01T11:59"), "1.000"), s(msk("2026-11-03T12:01"), "3.000"))));
        assertThat(justBeyond.status()).isEqualTo(PointStatus.GAP);
    }

    @Test
    void meterReplacedInsideTheIntervalUsesTheActValues() {
        Instant swap = msk("2026-11-02T12:00");
        MeterInstallation old = new MeterInstallation("OLD", EARLY, swap, null, new BigDecimal("512.300"), null, Unit.M3,
                new RegisterSeries(1, Unit.M3, List.of(s(msk("2026-11-02T00:00"), "510.000"))), null, null);
        MeterInstallation neu = new MeterInstallation("NEW", swap, null, new BigDecimal("0.050"), null, null, Unit.M3,
                new RegisterSeries(2, Unit.M3, List.of(s(msk("2026-11-03T00:00"), "1.550"))), null, null);

        PointInterval day = oneDay(old, neu);

        assertThat(day.status()).isEqualTo(PointStatus.COMPLETE);
        // (512.300 − 510.000) + (1.550 − 0.050)
        assertThat(day.value()).isEqualByComparingTo("3.800");
        assertThat(day.segments()).hasSize(2);
        assertThat(day.segments().get(0).end().source()).isEqualTo(BoundarySource.INSTALLATION_ACT);
        assertThat(day.segments().get(0).end().readings().get(0).registerId()).isNull();
        assertThat(day.segments().get(1).start().source()).isEqualTo(BoundarySource.INSTALLATION_ACT);
        assertThat(day.segments().get(1).consumption()).isEqualByComparingTo("1.500");
    }

    @Test
    void readingsAtTheReplacementWinOverActValues() {
        Instant swap = msk("2026-11-02T12:00");
        MeterInstallation old = new MeterInstallation("OLD", EARLY, swap, null, new BigDecimal("999"), null, Unit.M3,
                new RegisterSeries(1, Unit.M3, List.of(s(msk("2026-11-02T00:00"), "510.000"), s(swap, "511.000"))), null, null);
        MeterInstallation neu = new MeterInstallation("NEW", swap, null, BigDecimal.ZERO, null, null, Unit.M3,
                new RegisterSeries(2, Unit.M3, List.of(s(swap, "0.010"), s(msk("2026-11-03T00:00"), "0.510"))), null, null);

        PointInterval day = oneDay(old, neu);

        assertThat(day.value()).isEqualByComparingTo("1.500");
        assertThat(day.segments()).allSatisfy(seg -> {
            assertThat(seg.start().source()).isEqualTo(BoundarySource.READING);
            assertThat(seg.end().source()).isEqualTo(BoundarySource.READING);
        });
    }

    @Test
    void replacementWithoutReadingOrActValueIsAGap() {
        Instant swap = msk("2026-11-02T12:00");
        MeterInstallation old = meter("OLD", EARLY, swap, List.of(s(msk("2026-11-02T00:00"), "510.000"),
                s(msk("2026-11-02T11:00"), "511.000")));
        MeterInstallation neu = meter("NEW", swap, null, List.of(s(msk("2026-11-02T13:00"), "0.100"),
                s(msk("2026-11-03T00:00"), "0.510")));

        PointInterval day = oneDay(old, neu);

        assertThat(day.status()).isEqualTo(PointStatus.GAP);
        assertThat(day.value()).isNull();
        // neither meter's readings are stretched across the swap
        assertThat(day.problems()).anySatisfy(p -> assertThat(p).contains("OLD").contains("removal"));
        assertThat(day.problems()).anySatisfy(p -> assertThat(p).contains("NEW").contains("installation"));
    }

    @Test
    void readingsFromBeforeTheInstallationAreNotThePoints() {
        Instant installed = msk("2026-11-02T00:00");
        // the meter was read in the workshop before it came to this point
        MeterInstallation m = meter("M", installed, null, List.of(s(msk("2026-11-01T23:00"), "0.000"),
                s(msk("2026-11-02T01:00"), "0.020"), s(msk("2026-11-03T00:00"), "0.500")));

        PointInterval day = oneDay(m);

        assertThat(day.status()).isEqualTo(PointStatus.GAP);
        assertThat(day.segments().get(0).start().known()).isFalse();
    }

    @Test
    void stretchWithoutAnyMeterIsAGap() {
        PointInterval none = oneDay();
        assertThat(none.status()).isEqualTo(PointStatus.GAP);
        assertThat(none.problems()).containsExactly("no meter installed at the point during the interval");

        Instant removed = msk("2026-11-02T10:00");
        MeterInstallation m = new MeterInstallation("M", EARLY, removed, null, new BigDecimal("2"), null, Unit.M3,
                new RegisterSeries(1, Unit.M3, List.of(s(msk("2026-11-02T00:00"), "1"))), null, null);
        PointInterval partly = oneDay(m);
        assertThat(partly.status()).isEqualTo(PointStatus.GAP);
        assertThat(partly.segments().get(0).consumption()).isEqualByComparingTo("1");
        assertThat(partly.problems()).singleElement().asString().contains("from 2026-11-02T10:00+03:00");
    }

    @Test
    void rolloverOfAKnownRegisterWidthCountsTheWrappedIncrease() {
        // 8 digits with 3 decimals: the register shows 0.000 … 99999.999 and wraps at 100000
        MeterInstallation m = new MeterInstallation("W", EARLY, null, null, null, 8, Unit.M3,
                new RegisterSeries(1, Unit.M3, List.of(s(msk("2026-11-02T00:00"), "99999.500"),
                        s(msk("2026-11-02T12:00"), "99999.900"), s(msk("2026-11-02T13:00"), "0.100"),
                        s(msk("2026-11-03T00:00"), "0.700"))), null, null);

        PointInterval day = oneDay(m);

        assertThat(day.status()).isEqualTo(PointStatus.COMPLETE);
        assertThat(day.value().toPlainString()).isEqualTo("1.200");
        assertThat(day.segments().get(0).rollovers()).singleElement()
                .satisfies(step -> assertThat(step.toValue()).isEqualByComparingTo("0.100"));
    }

    @Test
    void rolloverBetweenTheReadingsAroundABoundaryIsInterpolatedThroughTheWrap() {
        MeterInstallation m = new MeterInstallation("W", EARLY, null, null, null, 5, Unit.M3,
                new RegisterSeries(1, Unit.M3, List.of(s(msk("2026-11-01T23:00"), "99.80"),
                        s(msk("2026-11-02T01:00"), "0.20"), s(msk("2026-11-03T00:00"), "5.00"))), null, null);
        // 5 digits with 2 decimals wrap at 1000.00: 99.80 is far from the top, so the drop is no rollover
        assertThat(oneDay(m).status()).isEqualTo(PointStatus.ANOMALY);

        MeterInstallation narrow = new MeterInstallation("W", EARLY, null, null, null, 4, Unit.M3,
                new RegisterSeries(1, Unit.M3, List.of(s(msk("2026-11-01T23:00"), "99.80"),
                        s(msk("2026-11-02T01:00"), "0.20"), s(msk("2026-11-03T00:00"), "5.00"))), null, null);
        // range 100.00: midnight is halfway through a rise of 0.40, i.e. exactly at the wrap: 100.00 → 0.00000
        PointInterval day = oneDay(narrow);
        assertThat(day.status()).isEqualTo(PointStatus.COMPLETE);
        assertThat(day.segments().get(0).start().value()).isEqualByComparingTo("0");
        assertThat(day.value()).isEqualByComparingTo("5.00");
    }

    @Test
    void decreaseWithoutKnownDigitsIsAnAnomalyNotAFigure() {
        MeterInstallation m = meter("D", EARLY, null, List.of(s(msk("2026-11-02T00:00"), "50.000"),
                s(msk("2026-11-02T12:00"), "49.000"), s(msk("2026-11-03T00:00"), "51.000")));

        PointInterval day = oneDay(m);

        // the net difference is positive (1.000), but the register went down on the way
        assertThat(day.status()).isEqualTo(PointStatus.ANOMALY);
        assertThat(day.value()).isNull();
        Step down = day.segments().get(0).decrease();
        assertThat(down.fromValue()).isEqualByComparingTo("50.000");
        assertThat(down.toValue()).isEqualByComparingTo("49.000");
        assertThat(down.toAt()).isEqualTo(msk("2026-11-02T12:00"));
        assertThat(day.problems()).anySatisfy(p -> assertThat(p).contains("went down").contains("digits are unknown"));
    }

    @Test
    void decreaseThatIsNoWrapIsAnAnomalyEvenWithKnownDigits() {
        MeterInstallation m = new MeterInstallation("D", EARLY, null, null, null, 8, Unit.M3,
                new RegisterSeries(1, Unit.M3, List.of(s(msk("2026-11-02T00:00"), "50000.000"),
                        s(msk("2026-11-03T00:00"), "0.100"))), null, null);
        PointInterval day = oneDay(m);
        assertThat(day.status()).isEqualTo(PointStatus.ANOMALY);
        assertThat(day.problems()).anySatisfy(p -> assertThat(p).contains("not a rollover of its 8 digits"));
    }

    @Test
    void anomalyStaysInItsIntervalOnly() {
        MeterInstallation m = meter("D", EARLY, null, List.of(s(msk("2026-11-01T00:00"), "1"),
                s(msk("2026-11-02T00:00"), "2"), s(msk("2026-11-02T06:00"), "1.5"), s(msk("2026-11-03T00:00"), "3"),
                s(msk("2026-11-04T00:00"), "4")));
        List<PointInterval> result = days(MOSCOW, "2026-11-01", "2026-11-04", m);
        assertThat(result).extracting(PointInterval::status)
                .containsExactly(PointStatus.COMPLETE, PointStatus.ANOMALY, PointStatus.COMPLETE);
    }

    private static List<PointInterval> months(ZoneId zone, MeterInstallation m, String from, String to) {
        List<Interval> intervals = Intervals.of(LocalDate.parse(from).atStartOfDay(zone).toInstant(),
                LocalDate.parse(to).atStartOfDay(zone).toInstant(), Resolution.MONTH, zone);
        return ConsumptionCalculator.of(Resolution.MONTH, zone).calculate(new PointInput(Quantity.ENERGY, List.of(m)),
                intervals);
    }

    @Test
    void monthPrefersTheMetersDueDateValue() {
        Instant nov = msk("2026-11-01T00:00");
        Instant dec = msk("2026-12-01T00:00");
        // current readings at 00:05 lag the stored values (a module copies every 10 minutes): a step down
        // from a due-date value to a current one is no anomaly
        MeterInstallation m = new MeterInstallation("H", EARLY, null, null, null, null, Unit.KWH,
                new RegisterSeries(1, Unit.KWH, List.of(s(msk("2026-10-31T23:00"), "1000.0"),
                        s(msk("2026-11-01T00:05"), "1000.9"), s(msk("2026-11-15T00:00"), "1100.0"),
                        s(msk("2026-11-30T23:00"), "1200.0"), s(msk("2026-12-01T01:00"), "1202.0"))),
                new RegisterSeries(7, Unit.KWH, List.of(s(nov, "1001.0"), s(dec, "1201.0"))), null);

        PointInterval month = months(MOSCOW, m, "2026-11-01", "2026-12-01").get(0);

        assertThat(month.status()).isEqualTo(PointStatus.COMPLETE);
        assertThat(month.value()).isEqualByComparingTo("200.0");
        assertThat(month.interpolated()).isFalse();
        Segment seg = month.segments().get(0);
        assertThat(seg.start().source()).isEqualTo(BoundarySource.DUE_DATE);
        assertThat(seg.start().readings()).singleElement().satisfies(r -> {
            assertThat(r.registerId()).isEqualTo(7L);
            assertThat(r.kind()).isEqualTo(SourceReading.Kind.DUE_DATE);
        });
        assertThat(seg.end().source()).isEqualTo(BoundarySource.DUE_DATE);
    }

    @Test
    void monthWithoutDueDateValuesInterpolatesWithinThreeDays() {
        MeterInstallation m = new MeterInstallation("H", EARLY, null, null, null, null, Unit.KWH,
                new RegisterSeries(1, Unit.KWH, List.of(s(msk("2026-10-30T00:00"), "1000.0"),
                        s(msk("2026-11-02T00:00"), "1003.0"), s(msk("2026-11-29T00:00"), "1200.0"),
                        s(msk("2026-12-03T00:00"), "1204.0"))),
                new RegisterSeries(7, Unit.KWH, List.of(s(msk("2026-10-01T00:00"), "900.0"))), null);

        PointInterval month = months(MOSCOW, m, "2026-11-01", "2026-12-01").get(0);

        assertThat(month.segments().get(0).start().source()).isEqualTo(BoundarySource.INTERPOLATED);
        assertThat(month.segments().get(0).start().value()).isEqualByComparingTo("1002.0");
        // 29th → 3rd is 4 days: the 1st is 2 days from each side
        assertThat(month.segments().get(0).end().value()).isEqualByComparingTo("1202.0");
        assertThat(month.value()).isEqualByComparingTo("200.0");
    }

    @Test
    void dueDateValuesAreNotUsedForDays() {
        Instant nov = msk("2026-11-01T00:00");
        MeterInstallation m = new MeterInstallation("H", EARLY, null, null, null, null, Unit.M3,
                new RegisterSeries(1, Unit.M3, List.of(s(msk("2026-10-31T23:00"), "10"), s(msk("2026-11-01T01:00"), "12"),
                        s(msk("2026-11-02T00:00"), "20"))),
                new RegisterSeries(7, Unit.M3, List.of(s(nov, "99"))), null);
        PointInterval day = days(MOSCOW, "2026-11-01", "2026-11-02", m).get(0);
        assertThat(day.segments().get(0).start().source()).isEqualTo(BoundarySource.INTERPOLATED);
        assertThat(day.problems()).isEmpty();
        assertThat(day.value()).isEqualByComparingTo("9");
    }

    @Test
    void gcalAreConvertedExactlyAndKilojoulesRoundedOnce() {
        MeterInstallation gcal = new MeterInstallation("G", EARLY, null, null, null, null, Unit.GCAL,
                new RegisterSeries(1, Unit.GCAL, List.of(s(msk("2026-11-02T00:00"), "12.345"),
                        s(msk("2026-11-03T00:00"), "12.456"))), null, null);
        PointInterval g = ConsumptionCalculator.of(Resolution.DAY, MOSCOW).calculate(
                new PointInput(Quantity.ENERGY, List.of(gcal)), dayOf("2026-11-02")).get(0);
        assertThat(g.unit()).isEqualTo(Unit.KWH);
        assertThat(g.value().toPlainString()).isEqualTo("129.093");
        assertThat(g.segments().get(0).consumption().toPlainString()).isEqualTo("0.111");

        MeterInstallation kj = new MeterInstallation("J", EARLY, null, null, null, null, Unit.KJ,
                new RegisterSeries(1, Unit.KJ, List.of(s(msk("2026-11-02T00:00"), "1000"),
                        s(msk("2026-11-03T00:00"), "2000"))), null, null);
        PointInterval j = ConsumptionCalculator.of(Resolution.DAY, MOSCOW).calculate(
                new PointInput(Quantity.ENERGY, List.of(kj)), dayOf("2026-11-02")).get(0);
        // 1000 kJ / 3600 = 0.27777… kWh, four more decimals than the kJ difference
        assertThat(j.value().toPlainString()).isEqualTo("0.2778");
    }

    private static List<Interval> dayOf(String date) {
        LocalDate d = LocalDate.parse(date);
        return List.of(new Interval(d.atStartOfDay(MOSCOW).toInstant(), d.plusDays(1).atStartOfDay(MOSCOW).toInstant()));
    }

    @Test
    void daysFollowLocalMidnightsAcrossDaylightSavingChanges() {
        // one m3 per hour, read every hour on the hour (UTC hours are local hours in both zones)
        List<Sample> hourly = new ArrayList<>();
        Instant t = Instant.parse("2026-03-27T00:00:00Z");
        for (int i = 0; t.isBefore(Instant.parse("2026-10-28T00:00:00Z")); i++, t = t.plusSeconds(3600)) {
            hourly.add(new Sample(t, BigDecimal.valueOf(i)));
        }
        MeterInstallation m = meter("B", EARLY, null, hourly);

        List<PointInterval> spring = days(BERLIN, "2026-03-28", "2026-03-31", m);
        assertThat(spring).extracting(p -> p.value().intValueExact()).containsExactly(24, 23, 24);
        List<PointInterval> autumn = days(BERLIN, "2026-10-24", "2026-10-27", m);
        assertThat(autumn).extracting(p -> p.value().intValueExact()).containsExactly(24, 25, 24);
        assertThat(autumn.get(1).interval().start()).isEqualTo(Instant.parse("2026-10-24T22:00:00Z"));
        assertThat(autumn.get(2).interval().start()).isEqualTo(Instant.parse("2026-10-25T23:00:00Z"));

        // Moscow has no daylight saving: every day is 24 hours, starting at 21:00 UTC
        List<PointInterval> moscow = days(MOSCOW, "2026-03-28", "2026-03-31", m);
        assertThat(moscow).extracting(p -> p.value().intValueExact()).containsExactly(24, 24, 24);
        assertThat(moscow.get(0).interval().start()).isEqualTo(Instant.parse("2026-03-27T21:00:00Z"));
    }
}
