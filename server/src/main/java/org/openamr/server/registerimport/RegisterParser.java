package org.openamr.server.registerimport;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.openamr.mbus.app.SecondaryAddress;
import org.openamr.mbus.link.Address;
import org.openamr.server.meter.Meter;
import org.openamr.server.point.MeteringPoint;
import org.openamr.server.premise.Premise;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The rules a register file's rows must follow by themselves, before the registry is asked: every cell's form
 * and range, what a meter needs, and what rows of one file must not contradict (one meter per premise and
 * resource, one description per premise, one premise per personal account, and what {@link MeterRowRules} asks of a
 * meter's rows). Every problem names its row, column and value.
 */
public final class RegisterParser {

    static final int MAX_PREMISE_NUMBER = 32;
    static final int MAX_TEXT = 100;

    private static final DateTimeFormatter RUSSIAN_DATE = DateTimeFormatter.ofPattern("d.M.uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Map<String, Premise.Kind> KINDS = Map.of("apartment", Premise.Kind.APARTMENT, "flat",
            Premise.Kind.APARTMENT, "квартира", Premise.Kind.APARTMENT, "жилое", Premise.Kind.APARTMENT,
            "non residential", Premise.Kind.NON_RESIDENTIAL, "nonresidential", Premise.Kind.NON_RESIDENTIAL,
            "нежилое", Premise.Kind.NON_RESIDENTIAL, "нежилое помещение", Premise.Kind.NON_RESIDENTIAL);
    private static final Map<String, MeteringPoint.Resource> RESOURCES = Map.ofEntries(
            Map.entry("heat", MeteringPoint.Resource.HEAT), Map.entry("тепло", MeteringPoint.Resource.HEAT),
            Map.entry("отопление", MeteringPoint.Resource.HEAT),
            Map.entry("тепловая энергия", MeteringPoint.Resource.HEAT),
            Map.entry("cold water", MeteringPoint.Resource.COLD_WATER),
            Map.entry("холодная вода", MeteringPoint.Resource.COLD_WATER),
            Map.entry("хвс", MeteringPoint.Resource.COLD_WATER),
            Map.entry("hot water", MeteringPoint.Resource.HOT_WATER),
            Map.entry("горячая вода", MeteringPoint.Resource.HOT_WATER),
            Map.entry("гвс", MeteringPoint.Resource.HOT_WATER),
            Map.entry("electricity", MeteringPoint.Resource.ELECTRICITY),
            Map.entry("электроэнергия", MeteringPoint.Resource.ELECTRICITY),
            Map.entry("gas", MeteringPoint.Resource.GAS), Map.entry("газ", MeteringPoint.Resource.GAS));

    /** The rows read, and what is wrong with them (nothing may be imported while this is not empty). */
    public record Parsed(List<RegisterRow> rows, List<RowProblem> problems) {
    }

    private RegisterParser() {
    }

    /**
     * An uploaded file's bytes read as a register ({@link RegisterFiles}: CSV or Excel) and its rows checked.
     *
     * @throws RegisterFileException when the file is no table or its header does not make a register
     */
    public static Parsed parse(byte[] file, LocalDate today) throws RegisterFileException {
        return parse(RegisterFiles.read(file), today);
    }

    /** @throws RegisterFileException when the header does not make a register */
    static Parsed parse(RegisterTable table, LocalDate today) throws RegisterFileException {
        Map<RegisterColumn, Integer> columns = columns(table);
        List<RegisterRow> rows = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        for (RegisterTable.Line line : table.lines()) {
            Map<RegisterColumn, String> cells = new EnumMap<>(RegisterColumn.class);
            columns.forEach((column, index) -> cells.put(column, line.cell(index)));
            rows.add(new Cells(line.number(), cells, problems).row(today));
        }
        contradictions(rows, problems);
        List<RegisterRow> described = MeterRowRules.check(rows, problems);
        // by row, and within a row in the order of the columns
        problems.sort(Comparator.comparingInt(RowProblem::line)
                .thenComparing(p -> p.column() == null ? -1 : p.column().ordinal()));
        return new Parsed(described, List.copyOf(problems));
    }

    private static Map<RegisterColumn, Integer> columns(RegisterTable table) throws RegisterFileException {
        Map<RegisterColumn, Integer> columns = new EnumMap<>(RegisterColumn.class);
        List<String> header = table.header();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i) == null ? "" : header.get(i).trim();
            int index = i;
            if (name.isEmpty()) {
                Optional<RegisterTable.Line> used = table.lines().stream().filter(l -> !l.cell(index).isEmpty())
                        .findFirst();
                if (used.isPresent()) {
                    throw new RegisterFileException("imp.file.unnamedColumn", i + 1, used.get().number());
                }
                continue;
            }
            RegisterColumn column = RegisterColumn.byHeader(name)
                    .orElseThrow(() -> new RegisterFileException("imp.file.unknownColumn", index + 1, name));
            Integer first = columns.putIfAbsent(column, i);
            if (first != null) {
                throw new RegisterFileException("imp.file.duplicateColumn", name, first + 1, i + 1);
            }
        }
        if (!columns.containsKey(RegisterColumn.PREMISE)) {
            throw new RegisterFileException("imp.file.missingColumn",
                    new DefaultMessageSourceResolvable("imp.col." + RegisterColumn.PREMISE));
        }
        return columns;
    }

    /** One row's cells read one by one, each refusal added to the problems. */
    private record Cells(int line, Map<RegisterColumn, String> cells, List<RowProblem> problems) {

        RegisterRow row(LocalDate today) {
            String premise = text(RegisterColumn.PREMISE, MAX_PREMISE_NUMBER);
            if (raw(RegisterColumn.PREMISE).isEmpty()) {
                problem(RegisterColumn.PREMISE, "imp.error.required");
            }
            Integer entrance = whole(RegisterColumn.ENTRANCE, 1, 999);
            Premise.Kind kind = named(RegisterColumn.KIND, KINDS, "imp.error.kind");
            Integer floor = whole(RegisterColumn.FLOOR, -10, 200);
            BigDecimal area = area();
            String account = personalAccount();
            MeteringPoint.Resource resource = named(RegisterColumn.RESOURCE, RESOURCES, "imp.error.resource");
            String maker = maker();
            String model = text(RegisterColumn.MODEL, MAX_TEXT);
            String serial = serial();
            Integer subunit = whole(RegisterColumn.SUBUNIT, 0, MeterRowRules.MAX_SUBUNIT, "imp.error.subunit");
            Integer primary = whole(RegisterColumn.PRIMARY, Address.UNCONFIGURED, Address.MAX_PRIMARY,
                    "imp.error.primary");
            SecondaryAddress secondary = secondary(serial, maker);
            LocalDate installedOn = date(RegisterColumn.INSTALLED_ON);
            if (installedOn != null && installedOn.isAfter(today)) {
                problem(RegisterColumn.INSTALLED_ON, "imp.error.future");
            }
            LocalDate due = date(RegisterColumn.VERIFICATION_DUE);
            UUID gisGuid = gisDeviceGuid();
            boolean meterCells = maker != null || model != null || primary != null || secondary != null
                    || installedOn != null || due != null || gisGuid != null;
            if (serial == null && meterCells && !has(RegisterColumn.SERIAL, "imp.error.serial")) {
                problem(RegisterColumn.SERIAL, "imp.error.meterWithoutSerial");
            }
            if (serial != null && resource == null && raw(RegisterColumn.RESOURCE).isEmpty()) {
                problem(RegisterColumn.RESOURCE, "imp.error.resourceRequired");
            }
            if (serial != null && installedOn == null && raw(RegisterColumn.INSTALLED_ON).isEmpty()) {
                problem(RegisterColumn.INSTALLED_ON, "imp.error.installedRequired");
            }
            if (subunit != null && serial == null && raw(RegisterColumn.RESOURCE).isEmpty()) {
                problem(RegisterColumn.SUBUNIT, "imp.error.subunitWithoutResource");
            }
            if (maker == null && secondary != null) {
                maker = secondary.manufacturerLetters();
            }
            return new RegisterRow(line, Map.copyOf(cells), entrance, premise, kind, floor, area, account, resource,
                    maker, model, serial, subunit, subunit != null, primary, secondary, installedOn, due, gisGuid);
        }

        private String raw(RegisterColumn column) {
            return cells.getOrDefault(column, "");
        }

        /** Whether this column already has a problem of this kind. */
        private boolean has(RegisterColumn column, String code) {
            return problems.stream().anyMatch(p -> p.line() == line && p.column() == column
                    && p.reason().getCodes()[0].equals(code));
        }

        private void problem(RegisterColumn column, String code, Object... args) {
            problems.add(RowProblem.of(line, column, raw(column), code, args));
        }

        private String text(RegisterColumn column, int max) {
            String v = raw(column);
            if (v.isEmpty()) {
                return null;
            }
            if (v.length() > max) {
                problem(column, "imp.error.tooLong", v.length(), max);
                return null;
            }
            return v;
        }

        private Integer whole(RegisterColumn column, int min, int max) {
            return whole(column, min, max, "imp.error.wholeNumber");
        }

        private Integer whole(RegisterColumn column, int min, int max, String code) {
            String v = raw(column);
            if (v.isEmpty()) {
                return null;
            }
            try {
                int n = Integer.parseInt(v);
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // said below
            }
            problem(column, code, min, max);
            return null;
        }

        private BigDecimal area() {
            String v = raw(RegisterColumn.AREA).replaceAll("[\\s\u00a0\u202f]", "");
            if (v.isEmpty()) {
                return null;
            }
            if (v.matches("\\d{1,7}([.,]\\d{1,2})?")) {
                BigDecimal a = new BigDecimal(v.replace(',', '.'));
                if (a.signum() > 0) {
                    return a;
                }
            }
            problem(RegisterColumn.AREA, "imp.error.area");
            return null;
        }

        /** As the database's check has it ({@link Premise#PERSONAL_ACCOUNT}), so that no row fails when written. */
        private String personalAccount() {
            String v = raw(RegisterColumn.PERSONAL_ACCOUNT);
            if (v.isEmpty()) {
                return null;
            }
            if (!v.matches(Premise.PERSONAL_ACCOUNT)) {
                problem(RegisterColumn.PERSONAL_ACCOUNT, "imp.error.personalAccount");
                return null;
            }
            return v;
        }

        /**
         * As the API takes it ({@link Meter#GIS_DEVICE_GUID}): the 36 characters, in either case; spaces around and
         * the braces some systems write a GUID in are left off.
         */
        private UUID gisDeviceGuid() {
            String v = raw(RegisterColumn.GIS_DEVICE_GUID).strip();
            if (v.isEmpty()) {
                return null;
            }
            if (v.startsWith("{") && v.endsWith("}")) {
                v = v.substring(1, v.length() - 1).strip();
            }
            if (!v.matches(Meter.GIS_DEVICE_GUID)) {
                problem(RegisterColumn.GIS_DEVICE_GUID, "imp.error.gisGuid");
                return null;
            }
            return UUID.fromString(v);
        }

        private <T> T named(RegisterColumn column, Map<String, T> names, String code) {
            String v = raw(column);
            if (v.isEmpty()) {
                return null;
            }
            String key = RegisterColumn.normalise(v);
            T found = names.get(key);
            if (found == null) {
                // the registry's own names (HEAT, COLD_WATER, NON_RESIDENTIAL) as well
                found = names.values().stream().filter(t -> RegisterColumn.normalise(t.toString()).equals(key))
                        .findFirst().orElse(null);
            }
            if (found == null) {
                problem(column, code);
            }
            return found;
        }

        private String maker() {
            String v = raw(RegisterColumn.MAKER);
            if (v.isEmpty()) {
                return null;
            }
            if (!v.matches("[A-Za-z]{3}")) {
                problem(RegisterColumn.MAKER, "imp.error.maker");
                return null;
            }
            return v.toUpperCase(Locale.ROOT);
        }

        private String serial() {
            String v = raw(RegisterColumn.SERIAL);
            if (v.isEmpty()) {
                return null;
            }
            if (!v.matches("[0-9A-Za-z/-]{1,32}")) {
                problem(RegisterColumn.SERIAL, "imp.error.serial");
                return null;
            }
            return v;
        }

        private SecondaryAddress secondary(String serial, String maker) {
            String v = raw(RegisterColumn.SECONDARY).replace(" ", "");
            if (v.isEmpty()) {
                return null;
            }
            SecondaryAddress a = null;
            if (v.matches("[0-9]{8}[0-9A-Fa-f]{8}")) {
                try {
                    a = SecondaryAddress.parse(v);
                } catch (IllegalArgumentException e) {
                    a = null;
                }
            }
            if (a == null || a.isWildcard()) {
                problem(RegisterColumn.SECONDARY, "imp.error.secondary");
                return null;
            }
            if (serial != null && !a.id().equals(serial)) {
                problem(RegisterColumn.SECONDARY, "imp.error.secondaryId", a.id(), serial);
                return null;
            }
            if (maker != null && !a.manufacturerLetters().equals(maker)) {
                problem(RegisterColumn.SECONDARY, "imp.error.secondaryMaker", a.manufacturerLetters(), maker);
                return null;
            }
            return a;
        }

        private LocalDate date(RegisterColumn column) {
            String v = raw(column);
            if (v.isEmpty()) {
                return null;
            }
            for (DateTimeFormatter f : List.of(DateTimeFormatter.ISO_LOCAL_DATE, RUSSIAN_DATE)) {
                try {
                    return LocalDate.parse(v, f);
                } catch (DateTimeParseException e) {
                    // the next form
                }
            }
            problem(column, "imp.error.date");
            return null;
        }
    }

    /**
     * What rows of one file must not say differently: one premise one way, one meter per point, one premise per
     * personal account (the building's unique index would refuse the second when written).
     */
    private static void contradictions(List<RegisterRow> rows, List<RowProblem> problems) {
        Map<String, RegisterRow> premises = new HashMap<>();
        Map<String, RegisterRow> points = new HashMap<>();
        Map<String, RegisterRow> accounts = new HashMap<>();
        for (RegisterRow r : rows) {
            if (r.premise() == null) {
                continue;
            }
            RegisterRow first = premises.putIfAbsent(r.premise(), r);
            if (first != null) {
                differs(first, r, RegisterColumn.ENTRANCE, first.entrance(), r.entrance(), problems);
                differs(first, r, RegisterColumn.KIND, first.kind(), r.kind(), problems);
                differs(first, r, RegisterColumn.FLOOR, first.floor(), r.floor(), problems);
                differs(first, r, RegisterColumn.AREA, first.area(), r.area(), problems);
                differs(first, r, RegisterColumn.PERSONAL_ACCOUNT, first.personalAccount(), r.personalAccount(),
                        problems);
            }
            RegisterRow holder = r.personalAccount() == null ? null : accounts.putIfAbsent(r.personalAccount(), r);
            if (holder != null && !holder.premise().equals(r.premise())) {
                problems.add(RowProblem.of(r.line(), RegisterColumn.PERSONAL_ACCOUNT,
                        r.cell(RegisterColumn.PERSONAL_ACCOUNT), "imp.error.accountInFile", holder.line(),
                        holder.premise()));
            }
            if (r.resource() != null) {
                RegisterRow same = points.putIfAbsent(r.premise() + "\u0000" + r.resource(), r);
                if (same != null) {
                    problems.add(RowProblem.of(r.line(), RegisterColumn.RESOURCE, r.cell(RegisterColumn.RESOURCE),
                            "imp.error.duplicatePoint", same.line(), r.premise()));
                }
            }
        }
    }

    private static void differs(RegisterRow first, RegisterRow later, RegisterColumn column, Object a, Object b,
            List<RowProblem> problems) {
        boolean different = a instanceof BigDecimal x && b instanceof BigDecimal y ? x.compareTo(y) != 0
                : a != null && b != null && !Objects.equals(a, b);
        if (different) {
            problems.add(RowProblem.of(later.line(), column, later.cell(column), "imp.error.premiseDiffers",
                    first.line(), later.premise(), first.cell(column)));
        }
    }
}
