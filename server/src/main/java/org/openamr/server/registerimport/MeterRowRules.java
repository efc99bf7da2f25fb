package org.openamr.server.registerimport;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.Function;
import org.openamr.mbus.app.SecondaryAddress;
import org.openamr.server.point.MultiInputMeter;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * What the rows naming one serial number must agree on. The rows of one premise with one serial number are one
 * meter serving several points, as a management company's register lists a Danfoss heat meter that counts the
 * flat's water on its pulse inputs: they must not describe the meter differently, and each counts on a subunit of
 * its own. A row may leave the subunit out where it follows: a known multi-input meter's rows count by its wiring
 * ({@link MultiInputMeter}); another meter's first row counts on the meter itself (0) when its point is new, and
 * leaves an existing point as it is; its further rows must say it. The same meter in two premises is an error, and
 * so is one ГИС ЖКХ device identifier given to two meters.
 */
final class MeterRowRules {

    /** Subunits as the M-Bus data record's extensions can carry them (ten bits). */
    static final int MAX_SUBUNIT = 1023;

    /** A meter's details its rows give: compared across them, and each taken from the first row giving it. */
    private record Detail(RegisterColumn column, Function<RegisterRow, Object> value) {
    }

    private static final List<Detail> DETAILS = List.of(new Detail(RegisterColumn.MAKER, RegisterRow::maker),
            new Detail(RegisterColumn.MODEL, RegisterRow::model), new Detail(RegisterColumn.PRIMARY,
                    RegisterRow::primary), new Detail(RegisterColumn.SECONDARY, RegisterRow::secondary),
            new Detail(RegisterColumn.INSTALLED_ON, RegisterRow::installedOn),
            new Detail(RegisterColumn.VERIFICATION_DUE, RegisterRow::verificationDue),
            new Detail(RegisterColumn.GIS_DEVICE_GUID, RegisterRow::gisDeviceGuid));

    private MeterRowRules() {
    }

    /** The rows, each meter's rows with its details as they give them together and the subunit each counts on. */
    static List<RegisterRow> check(List<RegisterRow> rows, List<RowProblem> problems) {
        Map<String, Map<String, List<RegisterRow>>> bySerial = new LinkedHashMap<>();
        for (RegisterRow r : rows) {
            if (r.serial() == null || r.premise() == null) {
                continue;
            }
            Map<String, List<RegisterRow>> premises = bySerial.computeIfAbsent(r.serial(), s -> new LinkedHashMap<>());
            premises.entrySet().stream().filter(e -> !e.getKey().equals(r.premise())
                            && RegisterRow.sameMaker(maker(e.getValue()), r.maker())).findFirst()
                    .ifPresent(e -> problems.add(RowProblem.of(r.line(), RegisterColumn.SERIAL, r.serial(),
                            "imp.error.duplicateSerial", e.getValue().get(0).line(), e.getKey())));
            premises.computeIfAbsent(r.premise(), p -> new ArrayList<>()).add(r);
        }
        gisGuids(rows, problems);
        Map<Integer, RegisterRow> described = new HashMap<>();
        bySerial.values().forEach(premises -> premises.values().forEach(meter -> describe(meter, problems)
                .forEach(r -> described.put(r.line(), r))));
        return rows.stream().map(r -> described.getOrDefault(r.line(), r)).toList();
    }

    /**
     * One ГИС ЖКХ device identifier, one meter: the rows of one meter may each give it, another meter's row may not
     * (the database's unique index would refuse the second meter when written, and ГИС ЖКХ would get one device's
     * readings twice).
     */
    private static void gisGuids(List<RegisterRow> rows, List<RowProblem> problems) {
        Map<UUID, RegisterRow> holders = new HashMap<>();
        for (RegisterRow r : rows) {
            if (r.gisDeviceGuid() == null || r.serial() == null || r.premise() == null) {
                continue;
            }
            RegisterRow holder = holders.putIfAbsent(r.gisDeviceGuid(), r);
            if (holder != null && !holder.meterKey().equals(r.meterKey())) {
                problems.add(RowProblem.of(r.line(), RegisterColumn.GIS_DEVICE_GUID,
                        r.cell(RegisterColumn.GIS_DEVICE_GUID), "imp.error.gisGuidInFile", holder.line(),
                        holder.serial(), holder.premise()));
            }
        }
    }

    private static String maker(List<RegisterRow> meter) {
        return meter.stream().map(RegisterRow::maker).filter(m -> m != null).findFirst().orElse(null);
    }

    /** One meter's rows: what they say of it compared and put together, and the subunit of each. */
    private static List<RegisterRow> describe(List<RegisterRow> meter, List<RowProblem> problems) {
        Map<RegisterColumn, RegisterRow> firstGiving = new EnumMap<>(RegisterColumn.class);
        Map<RegisterColumn, Object> given = new EnumMap<>(RegisterColumn.class);
        for (RegisterRow r : meter) {
            for (Detail d : DETAILS) {
                Object v = d.value().apply(r);
                if (v == null) {
                    continue;
                }
                RegisterRow first = firstGiving.putIfAbsent(d.column(), r);
                if (first == null) {
                    given.put(d.column(), v);
                } else if (!v.equals(given.get(d.column()))) {
                    String said = first.cell(d.column()).isEmpty() ? String.valueOf(given.get(d.column()))
                            : first.cell(d.column());
                    problems.add(RowProblem.of(r.line(), d.column(), r.cell(d.column()), "imp.error.meterDiffers",
                            first.line(), r.serial(), said));
                }
            }
        }
        String maker = (String) given.get(RegisterColumn.MAKER);
        String model = (String) given.get(RegisterColumn.MODEL);
        Optional<MultiInputMeter> known = MultiInputMeter.of(maker, model);
        Map<Integer, RegisterRow> counting = new HashMap<>();
        RegisterRow own = null;
        List<RegisterRow> out = new ArrayList<>();
        for (RegisterRow r : meter) {
            Integer subunit = r.subunit();
            Integer counted = subunit;
            if (r.resource() != null && subunit == null && known.isPresent()) {
                subunit = counted = wired(r, known.get(), problems);
            } else if (r.resource() != null && subunit == null && own == null) {
                // the meter itself, which a new point counts on; an existing point stays as it is
                counted = 0;
            } else if (r.resource() != null && subunit == null) {
                problems.add(RowProblem.of(r.line(), RegisterColumn.SUBUNIT, r.cell(RegisterColumn.SUBUNIT),
                        "imp.error.subunitRequired", r.serial(), own.line()));
            }
            if (r.resource() != null && own == null) {
                own = r;
            }
            RegisterRow same = counted == null ? null : counting.putIfAbsent(counted, r);
            if (same != null) {
                problems.add(RowProblem.of(r.line(), RegisterColumn.SUBUNIT, r.cell(RegisterColumn.SUBUNIT),
                        "imp.error.subunitTwice", same.line(), counted, r.serial()));
            }
            out.add(r.meter(maker, model, (Integer) given.get(RegisterColumn.PRIMARY),
                    (SecondaryAddress) given.get(RegisterColumn.SECONDARY),
                    (LocalDate) given.get(RegisterColumn.INSTALLED_ON),
                    (LocalDate) given.get(RegisterColumn.VERIFICATION_DUE),
                    (UUID) given.get(RegisterColumn.GIS_DEVICE_GUID), subunit));
        }
        return out;
    }

    /** The subunit a known meter counts a row's resource on, by its wiring; null when it has none for it. */
    private static Integer wired(RegisterRow r, MultiInputMeter known, List<RowProblem> problems) {
        OptionalInt input = known.subunit(r.resource());
        if (input.isPresent()) {
            return input.getAsInt();
        }
        problems.add(RowProblem.of(r.line(), RegisterColumn.SUBUNIT, r.cell(RegisterColumn.SUBUNIT),
                "imp.error.subunitNotWired", known.maker(), known.model(),
                new DefaultMessageSourceResolvable("resource." + r.resource())));
        return null;
    }
}
