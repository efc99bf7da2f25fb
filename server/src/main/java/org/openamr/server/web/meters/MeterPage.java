package org.openamr.server.web.meters;

import java.time.ZoneId;
import java.util.List;
import org.openamr.server.event.MeterEvent;
import org.openamr.server.meter.Meter;
import org.openamr.server.meter.MeterOverview;
import org.openamr.server.reading.Reading;
import org.openamr.server.web.alarms.AlarmLine;

/**
 * A meter's page: what it is and where it hangs, the conditions it reports now (in words, since when), its current
 * value of every register with the time read, its daily consumption of the last 30 days and its recent events.
 *
 * @param maker     the maker's name ("Danfoss"), or its code when the name is not known
 * @param place     where it hangs, null when nowhere the reader sees
 * @param chartJson the daily consumption of its main register, null when it has none
 * @param alarms    the open alarms of the meter and of the points it is installed at, newest first
 * @param resident  whether the reader is a resident: alarms in plain words
 */
record MeterPage(Meter meter, String maker, MeterOverview.Place place, String state, ZoneId zone,
                 List<MeterOverview.Condition> conditions, List<Reading> values, String chartJson, String chartUnit,
                 List<MeterEvent> events, List<AlarmLine> alarms, boolean resident) {
}
