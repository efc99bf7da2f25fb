package org.openamr.server.registerimport;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.openamr.mbus.app.Medium;
import org.openamr.server.building.Building;
import org.openamr.server.meter.Meter;
import org.openamr.server.meter.Meters;
import org.openamr.server.point.MeteringPoint;
import org.openamr.server.point.MeteringPoints;
import org.openamr.server.premise.Premise;
import org.openamr.server.premise.Premises;
import org.openamr.server.security.AccessScope;
import org.openamr.server.api.NotFoundException;
import org.openamr.server.api.Page;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * Works out, against the registry as the caller sees it, what each row of a register would create or change, and
 * what forbids it: a serial number the operator's registry has where the caller does not see it, a meter
 * installed in another premise or already counting another of this premise's points on the same subunit, a point
 * that has counted on another subunit, installation dates that contradict the stored ones, a personal account another
 * premise of the building has, a ГИС ЖКХ device identifier another meter has (in any registry: it is the device's
 * own). A row that matches the registry changes nothing, so importing a file twice creates
 * nothing twice. Premises are matched by number, points by premise and resource (the unnamed one), meters by serial
 * number and maker within reach of the registry of the building's operator (its service company, else its management
 * company: {@link Meters#registry}), which new meters join too; a number only another organisation has is a new
 * meter. A meter's later rows in the file install the meter its first row registers.
 */
@Component
class RegisterPlanner {

    private final Premises premises;
    private final MeteringPoints points;
    private final Meters meters;

    RegisterPlanner(Premises premises, MeteringPoints points, Meters meters) {
        this.premises = premises;
        this.points = points;
        this.meters = meters;
    }

    List<RowPlan> plan(Building building, RegisterParser.Parsed parsed, AccessScope scope) {
        ZoneId zone = ZoneId.of(building.timeZone());
        Set<String> serials = new HashSet<>();
        Set<UUID> gisGuids = new HashSet<>();
        parsed.rows().forEach(r -> {
            if (r.serial() != null) {
                serials.add(r.serial());
            }
            if (r.gisDeviceGuid() != null) {
                gisGuids.add(r.gisDeviceGuid());
            }
        });
        State state = new State(building, scope, zone, serials, gisGuids);
        List<RowPlan> plans = new ArrayList<>();
        for (RegisterRow row : parsed.rows()) {
            List<RowProblem> own = parsed.problems().stream().filter(p -> p.line() == row.line()).toList();
            plans.add(own.isEmpty() ? state.plan(row)
                    : new RowPlan(row, RowPlan.Status.ERROR, List.of(), own, RowPlan.Steps.NONE, null));
        }
        return plans;
    }

    /** The registry as loaded once, and what earlier rows of the file already plan to create. */
    private final class State {

        final ZoneId zone;
        final AccessScope scope;
        final Set<Integer> entrances = new HashSet<>();
        final Map<String, Premise> premisesByNumber = new HashMap<>();
        final Set<String> premisesSeen = new HashSet<>();
        final Map<UUID, Premise> premisesById = new HashMap<>();
        /** The building's premises by their personal account, as stored. */
        final Map<String, Premise> premisesByAccount = new HashMap<>();
        final Map<String, MeteringPoint> pointsByPremise = new HashMap<>();
        final Map<UUID, MeteringPoint> pointsById = new HashMap<>();
        /** Meters of the file within reach of the building's operator's registry that the caller sees. */
        final List<Meters.Visible> visibleMeters;
        /** Meters of the file in the operator's registry, seen or not. */
        final List<Meters.Identity> registeredMeters;
        /** The first row of each meter of the file ({@link RegisterRow#meterKey()}). */
        final Map<String, Integer> meterRows = new HashMap<>();
        /** The meters, seen or not, that have one of the file's ГИС ЖКХ device identifiers, by it. */
        final Map<UUID, Meters.GisGuidHolder> gisGuidHolders = new HashMap<>();

        State(Building building, AccessScope scope, ZoneId zone, Set<String> serials, Set<UUID> gisGuids) {
            this.zone = zone;
            this.scope = scope;
            building.entrances().forEach(e -> entrances.add(e.number()));
            for (int page = 0; ; page++) {
                Page<Premise> p = premises.list(scope, building.id(), page, Page.MAX_SIZE);
                p.items().forEach(x -> {
                    premisesByNumber.put(x.number(), x);
                    premisesById.put(x.id(), x);
                    if (x.personalAccount() != null) {
                        premisesByAccount.put(x.personalAccount(), x);
                    }
                });
                if ((long) (page + 1) * Page.MAX_SIZE >= p.total()) {
                    break;
                }
            }
            for (int page = 0; ; page++) {
                Page<MeteringPoint> p = points.list(scope, building.id(), null, page, Page.MAX_SIZE);
                for (MeteringPoint x : p.items()) {
                    pointsById.put(x.id(), x);
                    if (x.premise() != null && x.name().isEmpty()) {
                        pointsByPremise.put(key(x.premise(), x.resource()), x);
                    }
                }
                if ((long) (page + 1) * Page.MAX_SIZE >= p.total()) {
                    break;
                }
            }
            // the building's operator's registry only: another organisation's meter of the same number is not
            // this one, and nothing the user is told may say that it exists
            Long registry = meters.registry(scope, building.id());
            visibleMeters = meters.withSerials(scope, registry, serials);
            registeredMeters = meters.registered(registry, serials);
            meters.withGisDeviceGuids(scope, gisGuids).forEach(h -> gisGuidHolders.put(h.gisDeviceGuid(), h));
        }

        RowPlan plan(RegisterRow row) {
            List<MessageSourceResolvable> actions = new ArrayList<>();
            List<RowProblem> problems = new ArrayList<>();
            boolean creates = false;
            Integer newEntrance = null;
            if (row.entrance() != null && entrances.add(row.entrance())) {
                newEntrance = row.entrance();
                actions.add(say("imp.do.entrance", row.entrance()));
                creates = true;
            }
            Premise premise = premisesByNumber.get(row.premise());
            boolean firstRowOfPremise = premisesSeen.add(row.premise());
            RowPlan.PremiseValues premiseWrite = null;
            if (premise == null && firstRowOfPremise) {
                premiseWrite = new RowPlan.PremiseValues(row.entrance(),
                        row.kind() == null ? Premise.Kind.APARTMENT : row.kind(), row.floor(), row.area(),
                        row.personalAccount());
                actions.add(say("imp.do.premise", row.premise()));
                if (row.personalAccount() != null) {
                    actions.add(say("imp.do.account", row.premise(), row.personalAccount()));
                }
                creates = true;
            } else if (premise != null && firstRowOfPremise) {
                premiseWrite = premiseChanges(row, premise, actions);
            }
            if (firstRowOfPremise) {
                accountTaken(row, premise, problems);
            }
            MeteringPoint point = premise == null || row.resource() == null ? null
                    : pointsByPremise.get(key(premise.id(), row.resource()));
            Integer subunit = point == null ? null : Integer.valueOf(point.subunit());
            Integer subunitWrite = null;
            if (row.resource() != null && point == null) {
                subunit = subunitWrite = row.subunit() == null ? 0 : row.subunit();
                actions.add(subunit == 0 ? say("imp.do.point", row.premise(), resource(row.resource()))
                        : say("imp.do.pointOnSubunit", row.premise(), resource(row.resource()), subunit));
                creates = true;
            } else if (point != null && row.subunit() != null && row.subunit() != point.subunit()) {
                if (point.installations().isEmpty()) {
                    subunit = subunitWrite = row.subunit();
                    actions.add(say("imp.do.pointSubunit", row.premise(), resource(row.resource()),
                            point.subunit(), subunit));
                } else if (row.subunitGiven()) {
                    // the point's consumption so far is read from that register: another one would rewrite it
                    problems.add(problem(row, RegisterColumn.SUBUNIT, "imp.error.subunitDiffers",
                            point.subunit()));
                }
            }
            Long meterId = null;
            Meters.Details meterWrite = null;
            Instant installAt = null;
            if (row.hasMeter()) {
                Instant at = row.installedOn().atStartOfDay(zone).toInstant();
                Meters.Visible known = visible(row);
                MeteringPoint.Installation current = point == null ? null : point.installations().stream()
                        .filter(i -> i.removedAt() == null).findFirst().orElse(null);
                Integer firstRow = meterRows.putIfAbsent(row.meterKey(), row.line());
                if (firstRow == null) {
                    gisGuidTaken(row, known, problems);
                }
                if (known == null && registeredUnseen(row)) {
                    problems.add(problem(row, RegisterColumn.SERIAL, "imp.error.serialTaken"));
                } else if (known == null) {
                    // registered by the meter's first row; its later rows install that one
                    meterWrite = firstRow == null ? details(row, null) : null;
                    installAt = at;
                    actions.add(firstRow == null ? say("imp.do.meter", row.serial(), row.installedOn())
                            : say("imp.do.installFromRow", row.serial(), firstRow, row.installedOn()));
                    if (firstRow == null && row.gisDeviceGuid() != null) {
                        actions.add(say("imp.do.gisGuid", row.serial(), row.gisDeviceGuid().toString()));
                    }
                    replaces(row, current, actions, problems);
                    creates = true;
                } else {
                    meterId = known.id();
                    Meter m = known.meter();
                    if (point != null && m.points().contains(point.id())) {
                        LocalDate since = current == null ? null : local(current.installedAt());
                        if (since != null && !since.equals(row.installedOn())) {
                            problems.add(problem(row, RegisterColumn.INSTALLED_ON, "imp.error.installedDiffers",
                                    since));
                        }
                    } else {
                        UUID elsewhere = m.points().stream().filter(p -> !inPremise(p, premise)).findFirst()
                                .orElse(null);
                        Integer counting = subunit;
                        MeteringPoint taken = m.points().stream().map(pointsById::get)
                                .filter(p -> p != null && Objects.equals(p.subunit(), counting)).findFirst()
                                .orElse(null);
                        if (elsewhere != null) {
                            problems.add(problem(row, RegisterColumn.SERIAL, "imp.error.meterElsewhere",
                                    where(elsewhere)));
                        } else if (taken != null) {
                            problems.add(problem(row, RegisterColumn.SUBUNIT, "imp.error.subunitTaken",
                                    resource(taken.resource()), subunit));
                        } else {
                            installAt = at;
                            actions.add(say("imp.do.install", row.serial(), row.installedOn()));
                            replaces(row, current, actions, problems);
                            creates = true;
                        }
                    }
                    // a meter's details are the same on all its rows: said and written once
                    meterWrite = firstRow == null ? meterChanges(row, known, actions) : null;
                }
            }
            RowPlan.Status status = !problems.isEmpty() ? RowPlan.Status.ERROR
                    : creates ? RowPlan.Status.CREATE
                    : actions.isEmpty() ? RowPlan.Status.UNCHANGED : RowPlan.Status.UPDATE;
            RowPlan.Steps steps = new RowPlan.Steps(newEntrance, premise == null ? null : premise.id(), premiseWrite,
                    point == null ? null : point.id(), subunitWrite, meterId, meterWrite, installAt);
            // a wrong row does nothing: what it would have done is not shown, only why it cannot
            return problems.isEmpty() ? new RowPlan(row, status, List.copyOf(actions), List.of(), steps, subunit)
                    : new RowPlan(row, status, List.of(), List.copyOf(problems), RowPlan.Steps.NONE, null);
        }

        /** Whether a point (one the building's list holds) belongs to this premise. */
        private boolean inPremise(UUID pointId, Premise premise) {
            MeteringPoint p = pointsById.get(pointId);
            return premise != null && p != null && premise.id().equals(p.premise());
        }

        /** The meter now at the point, if another, leaves it the day this one comes, which must be later. */
        private void replaces(RegisterRow row, MeteringPoint.Installation current,
                List<MessageSourceResolvable> actions, List<RowProblem> problems) {
            if (current == null || current.serial().equals(row.serial())) {
                return;
            }
            LocalDate since = local(current.installedAt());
            if (!since.isBefore(row.installedOn())) {
                problems.add(problem(row, RegisterColumn.INSTALLED_ON, "imp.error.replacesLater", current.serial(),
                        since));
            } else {
                actions.add(say("imp.do.replace", row.serial(), current.serial()));
            }
        }

        /**
         * Another premise of the building has the row's account: writing it would break the building's unique index.
         * Refused even when the file gives that premise another account, as the rows are written one by one.
         */
        private void accountTaken(RegisterRow row, Premise premise, List<RowProblem> problems) {
            Premise holder = row.personalAccount() == null ? null : premisesByAccount.get(row.personalAccount());
            if (holder != null && (premise == null || !holder.id().equals(premise.id()))) {
                problems.add(problem(row, RegisterColumn.PERSONAL_ACCOUNT, "imp.error.accountTaken",
                        holder.number()));
            }
        }

        /**
         * Another meter has the row's ГИС ЖКХ device identifier: writing it would break the unique index. The holder is
         * named by its serial number when the caller sees it or it is of the caller's registry, else only said to
         * exist. Refused even when the file gives that meter another identifier, as the rows are written one by one.
         */
        private void gisGuidTaken(RegisterRow row, Meters.Visible known, List<RowProblem> problems) {
            Meters.GisGuidHolder holder = row.gisDeviceGuid() == null ? null : gisGuidHolders.get(row.gisDeviceGuid());
            if (holder != null && (known == null || holder.id() != known.id())) {
                problems.add(holder.serial() == null
                        ? problem(row, RegisterColumn.GIS_DEVICE_GUID, "imp.error.gisGuidTakenUnseen")
                        : problem(row, RegisterColumn.GIS_DEVICE_GUID, "imp.error.gisGuidTaken", holder.serial()));
            }
        }

        private RowPlan.PremiseValues premiseChanges(RegisterRow row, Premise p, List<MessageSourceResolvable> actions) {
            boolean changed = false;
            changed |= change(actions, "imp.do.premiseChange", row.premise(), RegisterColumn.ENTRANCE, p.entrance(),
                    row.entrance());
            changed |= change(actions, "imp.do.premiseChange", row.premise(), RegisterColumn.KIND,
                    p.kind() == null ? null : kind(p.kind()), row.kind() == null ? null : kind(row.kind()));
            changed |= change(actions, "imp.do.premiseChange", row.premise(), RegisterColumn.FLOOR, p.floor(),
                    row.floor());
            changed |= change(actions, "imp.do.premiseChange", row.premise(), RegisterColumn.AREA, p.areaM2(),
                    row.area());
            if (row.personalAccount() != null && p.personalAccount() == null) {
                // set, not changed: the statement by account gains an apartment
                actions.add(say("imp.do.account", row.premise(), row.personalAccount()));
                changed = true;
            } else {
                changed |= change(actions, "imp.do.premiseChange", row.premise(), RegisterColumn.PERSONAL_ACCOUNT,
                        p.personalAccount(), row.personalAccount());
            }
            if (!changed) {
                return null;
            }
            return new RowPlan.PremiseValues(or(row.entrance(), p.entrance()), or(row.kind(), p.kind()),
                    or(row.floor(), p.floor()), or(row.area(), p.areaM2()),
                    or(row.personalAccount(), p.personalAccount()));
        }

        private Meters.Details meterChanges(RegisterRow row, Meters.Visible known,
                List<MessageSourceResolvable> actions) {
            Meter m = known.meter();
            boolean changed = false;
            String serial = row.serial();
            changed |= change(actions, "imp.do.meterChange", serial, RegisterColumn.MAKER, m.manufacturer(),
                    row.maker());
            changed |= change(actions, "imp.do.meterChange", serial, RegisterColumn.MODEL, m.model(), row.model());
            changed |= change(actions, "imp.do.meterChange", serial, RegisterColumn.PRIMARY, m.primaryAddress(),
                    row.primary());
            if (row.secondary() != null && (!Objects.equals(known.busVersion(), row.secondary().version())
                    || !Objects.equals(known.busMedium(), row.secondary().medium()))) {
                actions.add(say("imp.do.meterChange", serial, column(RegisterColumn.SECONDARY),
                        m.secondaryAddress() == null ? "—" : m.secondaryAddress(), row.secondary().toString()));
                changed = true;
            }
            changed |= change(actions, "imp.do.meterChange", serial, RegisterColumn.VERIFICATION_DUE,
                    m.nextVerification(), row.verificationDue());
            if (row.gisDeviceGuid() != null && m.gisDeviceGuid() == null) {
                // set, not changed: the readings export gains a device
                actions.add(say("imp.do.gisGuid", serial, row.gisDeviceGuid().toString()));
                changed = true;
            } else {
                changed |= change(actions, "imp.do.meterChange", serial, RegisterColumn.GIS_DEVICE_GUID,
                        m.gisDeviceGuid() == null ? null : m.gisDeviceGuid().toString(),
                        row.gisDeviceGuid() == null ? null : row.gisDeviceGuid().toString());
            }
            return changed ? details(row, known) : null;
        }

        /** The meter as the row describes it, what the row leaves empty as stored. */
        private Meters.Details details(RegisterRow row, Meters.Visible known) {
            Meter m = known == null ? null : known.meter();
            Integer version = row.secondary() != null ? Integer.valueOf(row.secondary().version())
                    : known == null ? null : known.busVersion();
            Integer medium = row.secondary() != null ? Integer.valueOf(row.secondary().medium())
                    : known == null ? null : known.busMedium();
            String mediumName = row.secondary() != null ? Medium.of(row.secondary().medium()).jsonName()
                    : m == null ? null : m.medium();
            return new Meters.Details(or(row.maker(), m == null ? null : m.manufacturer()),
                    or(row.model(), m == null ? null : m.model()), mediumName,
                    or(row.primary(), m == null ? null : m.primaryAddress()), version, medium,
                    or(row.verificationDue(), m == null ? null : m.nextVerification()),
                    or(row.gisDeviceGuid(), m == null ? null : m.gisDeviceGuid()));
        }

        private Meters.Visible visible(RegisterRow row) {
            return visibleMeters.stream().filter(v -> v.meter().serial().equals(row.serial())
                    && RegisterRow.sameMaker(v.meter().manufacturer(), row.maker())).findFirst().orElse(null);
        }

        /** Whether the operator's registry has the row's meter, though not where the user sees it. */
        private boolean registeredUnseen(RegisterRow row) {
            return registeredMeters.stream().anyMatch(i -> i.serial().equals(row.serial())
                    && RegisterRow.sameMaker(i.manufacturer(), row.maker()));
        }

        /** Where a meter hangs, as "premise 12, heat", or the building level, as far as the caller sees it. */
        private MessageSourceResolvable where(UUID pointId) {
            MeteringPoint p = pointsById.get(pointId);
            if (p == null) {
                try {
                    p = points.get(scope, pointId);
                } catch (NotFoundException e) {
                    // a meter of the operator's registry the caller sees (it hung in one of its buildings), now
                    // where the caller does not see: said so, the building not named
                    return say("imp.where.unseen");
                }
            }
            Premise premise = p.premise() == null ? null
                    : premisesById.computeIfAbsent(p.premise(), id -> premises.get(scope, id));
            return premise == null ? say("imp.where.building", resource(p.resource()))
                    : say("imp.where.premise", premise.number(), resource(p.resource()));
        }

        private LocalDate local(Instant at) {
            return at.atZone(zone).toLocalDate();
        }
    }

    private static <T> T or(T a, T b) {
        return a != null ? a : b;
    }

    private static String key(UUID premise, MeteringPoint.Resource resource) {
        return premise + "/" + resource;
    }

    /** Says a change of one field when the file gives a value that differs from the stored one. */
    private static boolean change(List<MessageSourceResolvable> actions, String code, String subject,
            RegisterColumn column, Object stored, Object given) {
        if (given == null) {
            return false;
        }
        boolean same = stored instanceof BigDecimal a && given instanceof BigDecimal b ? a.compareTo(b) == 0
                : Objects.equals(stored, given);
        if (same) {
            return false;
        }
        actions.add(say(code, subject, column(column), stored == null ? "—" : stored, given));
        return true;
    }

    private static MessageSourceResolvable column(RegisterColumn column) {
        return new DefaultMessageSourceResolvable("imp.col." + column);
    }

    private static MessageSourceResolvable resource(MeteringPoint.Resource resource) {
        return new DefaultMessageSourceResolvable("resource." + resource);
    }

    private static MessageSourceResolvable kind(Premise.Kind kind) {
        return new DefaultMessageSourceResolvable("imp.kind." + kind);
    }

    private static MessageSourceResolvable say(String code, Object... args) {
        return new DefaultMessageSourceResolvable(new String[] {code}, args);
    }

    private static RowProblem problem(RegisterRow row, RegisterColumn column, String code, Object... args) {
        return RowProblem.of(row.line(), column, row.cell(column), code, args);
    }
}
