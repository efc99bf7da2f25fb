package org.openamr.server.web.meters;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.openamr.server.alarm.journal.AlarmJournal;
import org.openamr.server.api.NotFoundException;
import org.openamr.server.channel.Channel;
import org.openamr.server.channel.SilenceRule;
import org.openamr.server.event.MeterEvents;
import org.openamr.server.meter.Meter;
import org.openamr.server.meter.MeterOverview;
import org.openamr.server.meter.Meters;
import org.openamr.server.reading.Reading;
import org.openamr.server.reading.Readings;
import org.openamr.server.security.AccessScope;
import org.openamr.server.security.CurrentUser;
import org.openamr.server.web.Chart;
import org.openamr.server.web.Formats;
import org.openamr.server.web.alarms.AlarmLines;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /meters/{id}}: one meter as a service engineer or a resident asks about it. Everything comes from the
 * repositories the lists use, within the reader's scope: a meter the reader may not see is 404.
 */
@Controller
class MeterPageController {

    static final int CHART_DAYS = 30;
    /** Open alarms listed on the page; the alarms page has them all. */
    static final int ALARMS = 20;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Meters meters;
    private final MeterOverview overview;
    private final Readings readings;
    private final MeterEvents events;
    private final SilenceRule silence;
    private final CurrentUser current;
    private final Formats fmt;
    private final AlarmJournal journal;
    private final AlarmLines alarmLines;

    MeterPageController(Meters meters, MeterOverview overview, Readings readings, MeterEvents events,
            SilenceRule silence, CurrentUser current, Formats fmt, AlarmJournal journal, AlarmLines alarmLines) {
        this.journal = journal;
        this.alarmLines = alarmLines;
        this.meters = meters;
        this.overview = overview;
        this.readings = readings;
        this.events = events;
        this.silence = silence;
        this.current = current;
        this.fmt = fmt;
    }

    @ModelAttribute("nav")
    String nav() {
        return "meters";
    }

    @GetMapping("/meters/{id}")
    String meter(@PathVariable UUID id, Model model) {
        AccessScope scope = current.scope();
        Meter meter = meters.get(scope, id);
        Instant now = Instant.now();
        MeterOverview.Row row = overview.search(scope, new MeterOverview.Query(null, null, null, meter.serial(),
                        MeterOverview.Sort.SERIAL, false, 0, 50), silence.longerThanMinimum(now), SilenceRule.MINIMUM,
                        now).items().stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("meter", id));
        ZoneId zone = row.timeZone() == null ? Channel.DEFAULT_ZONE : ZoneId.of(row.timeZone());
        List<Reading> values = readings.latest(scope, List.of(id)).getOrDefault(id, List.of());
        Reading main = values.stream().filter(r -> r.tariff() == 0 && r.subunit() == 0
                        && ("ENERGY".equals(r.quantity()) || "VOLUME".equals(r.quantity())))
                .findFirst().orElse(null);
        String chart = null;
        if (main != null) {
            chart = chart(scope, meters.internalId(scope, id), main, zone, now);
        }
        model.addAttribute("page", new MeterPage(meter, fmt.maker(meter.manufacturer()), row.place(), row.state().name(), zone, row.conditions(),
                values, chart, main == null ? null : fmt.unit(main.unit()),
                events.list(scope, id, null, now.minus(Duration.ofDays(365)), null, 0, 20).items(),
                alarmLines.of(journal.openOf(scope, objects(meter), ALARMS), zone),
                scope instanceof AccessScope.Resident));
        return "meter";
    }

    /** The meter and the points it is installed at: a leak or a reading that went down is an alarm of the point. */
    private static List<UUID> objects(Meter meter) {
        List<UUID> out = new ArrayList<>(meter.points());
        out.add(0, meter.id());
        return out;
    }

    /** Each local day's use: the last reading of the day minus the day before's; a day without one is a gap. */
    private String chart(AccessScope scope, long meterId, Reading main, ZoneId zone, Instant now) {
        LocalDate today = LocalDate.now(zone);
        Instant from = today.minusDays(CHART_DAYS + 1L).atStartOfDay(zone).toInstant();
        Map<LocalDate, BigDecimal> lastOfDay = new TreeMap<>();
        for (Reading r : readings.ofMeter(scope, meterId, from, now.plusSeconds(60), main.quantity(), 0, org.openamr.server.api.Page.MAX_SIZE)
                .items()) {
            if (r.storage() == 0 && r.tariff() == 0 && r.subunit() == 0 && r.unit().equals(main.unit())) {
                // newest first: the first value seen for a day is its last
                lastOfDay.putIfAbsent(r.measuredAt().atZone(zone).toLocalDate(), new BigDecimal(r.value()));
            }
        }
        List<String> labels = new ArrayList<>();
        List<BigDecimal> data = new ArrayList<>();
        for (LocalDate d = today.minusDays(CHART_DAYS - 1L); !d.isAfter(today); d = d.plusDays(1)) {
            BigDecimal end = lastOfDay.get(d);
            BigDecimal start = lastOfDay.get(d.minusDays(1));
            labels.add(fmt.day(d.atStartOfDay(zone).toInstant(), zone));
            data.add(end == null || start == null || end.compareTo(start) < 0 ? null : end.subtract(start));
        }
        return JSON.writeValueAsString(new Chart(fmt.unit(main.unit()), labels,
                List.of(new Chart.Series(fmt.unit(main.unit()), "#1f5fa8", data))));
    }
}
