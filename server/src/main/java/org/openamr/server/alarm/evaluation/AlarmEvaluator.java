package org.openamr.server.alarm.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.openamr.server.alarm.AlarmLifecycle;
import org.openamr.server.alarm.AlarmObject;
import org.openamr.server.alarm.Evidence;
import org.openamr.server.alarm.RuleKind;
import org.openamr.server.alarm.Verdict;
import org.openamr.server.alarm.journal.AlarmRepository;
import org.openamr.server.alarm.journal.StoredAlarm;
import org.openamr.server.alarm.rule.AlarmRule;
import org.openamr.server.alarm.rule.BuildingMonth;
import org.openamr.server.alarm.rule.ConsumptionSeries;
import org.openamr.server.alarm.rule.HeatRangeRule;
import org.openamr.server.alarm.rule.ImbalanceRule;
import org.openamr.server.alarm.rule.ImplausibleJumpRule;
import org.openamr.server.alarm.rule.LeakRule;
import org.openamr.server.alarm.rule.MeterConditionRule;
import org.openamr.server.alarm.rule.NoConsumptionRule;
import org.openamr.server.alarm.rule.NoReadingsRule;
import org.openamr.server.alarm.rule.RegisterDecreaseRule;
import org.openamr.server.alarm.rule.RuleInput;
import org.openamr.server.alarm.rule.VerificationDueRule;
import org.openamr.server.balance.Balances;
import org.openamr.server.balance.BuildingBalance;
import org.openamr.server.consumption.ConsumptionReport;
import org.openamr.server.consumption.ConsumptionService;
import org.openamr.server.consumption.Resolution;
import org.openamr.server.consumption.TargetKind;
import org.openamr.server.consumption.TimeParameter;
import org.openamr.server.point.MeteringPoint.Resource;
import org.openamr.server.security.AccessScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs every rule over every installed meter, point, building and channel, one rule at a time: the rule's inputs
 * for all objects from one query, the open alarms of its kinds from another, the verdicts in memory, then the
 * alarms raised and cleared in one batch each ({@link AlarmLifecycle}). One evaluation runs at a time across server
 * instances (a transaction-scoped advisory lock); an instance that finds it taken skips its turn, since the other
 * sees the same data.
 *
 * <p>What keeps it cheap after every hourly poll (benchmarks/README.md, "Alarm evaluation"): the rules over whole
 * days and months run once a local day ({@link #daily}); a leak's hourly figures are computed only for the points
 * whose readings leave a leak possible ({@code RuleInputs.leakCandidates}) and those with an open leak alarm, since
 * for any other point no verdict could change anything; object lists go to PostgreSQL as one array joined, not as
 * {@code = any(…)}, which it compares element by element.
 *
 * <p>An object that had an open alarm and is no longer evaluated by its rule (the meter removed, the rule turned
 * off there) has it cleared with that reason, so that no alarm stays open forever for something nobody watches.
 */
@Service
public class AlarmEvaluator {

    private static final Logger log = LoggerFactory.getLogger(AlarmEvaluator.class);
    private static final AccessScope SYSTEM = new AccessScope.Everything("system:alarms");
    private static final Set<Resource> CONSUMPTION_RESOURCES = Set.of(Resource.HEAT, Resource.COLD_WATER,
            Resource.HOT_WATER);

    private final RuleInputs inputs;
    private final RuleSettings settings;
    private final AlarmRepository alarms;
    private final ConsumptionService consumption;

    AlarmEvaluator(RuleInputs inputs, RuleSettings settings, AlarmRepository alarms, ConsumptionService consumption) {
        this.inputs = inputs;
        this.settings = settings;
        this.alarms = alarms;
        this.consumption = consumption;
    }

    /** When the rules over whole days and months last ran, and with which settings. */
    private record DailyRun(Instant at, RuleSettings.Snapshot settings) {
    }

    private volatile DailyRun dailyDone;

    /**
     * Whether the rules over days and months (no consumption, imbalance) run now. Their figures change only when a
     * day ends, so they run on the first evaluation after a local day of any building began, and when the settings
     * changed; readings that arrive late for past days are seen at the next day's run. This keeps the evaluation
     * after each hourly poll to the rules whose figures the poll changes.
     */
    private boolean daily(Instant now, RuleSettings.Snapshot snapshot, List<RuleInputs.Installed> installed) {
        DailyRun last = dailyDone;
        if (last == null || now.isBefore(last.at()) || !last.settings().equals(snapshot)) {
            return true;
        }
        return installed.stream().map(RuleInputs.Installed::zone).distinct()
                .anyMatch(z -> !LocalDate.ofInstant(now, z).equals(LocalDate.ofInstant(last.at(), z)));
    }

    /** What one evaluation did, per rule kind. */
    public record Outcome(boolean ran, Map<RuleKind, Counts> counts, Duration took, Map<String, Duration> steps) {

        public int raised() {
            return counts.values().stream().mapToInt(Counts::raised).sum();
        }

        public int cleared() {
            return counts.values().stream().mapToInt(Counts::cleared).sum();
        }
    }

    /** @param evaluated objects the rule gave a verdict for (unknown ones included) */
    public record Counts(int evaluated, int raised, int cleared, int unknown) {
    }

    /** Evaluates every rule now, unless another instance is doing it. */
    @Transactional
    public Outcome evaluate(Instant now) {
        long start = System.nanoTime();
        if (!alarms.tryEvaluationLock()) {
            return new Outcome(false, Map.of(), Duration.ZERO, Map.of());
        }
        Map<RuleKind, Counts> counts = new EnumMap<>(RuleKind.class);
        // where the time goes, for the logs and the benchmark
        Map<String, Duration> steps = new LinkedHashMap<>();
        long[] lap = {System.nanoTime()};
        java.util.function.Consumer<String> step = name -> {
            long t = System.nanoTime();
            steps.put(name, Duration.ofNanos(t - lap[0]));
            lap[0] = t;
        };
        RuleSettings.Snapshot snapshot = settings.load();
        List<RuleInputs.Installed> installed = inputs.installed(now);
        step.accept("installed meters");

        var states = inputs.meterStates(installed);
        for (RuleKind kind : RuleSetting.METER_CONDITION.kinds()) {
            counts.put(kind, apply(kind, states, rule(snapshot, RuleSetting.METER_CONDITION,
                    p -> new MeterConditionRule(kind)), now));
        }
        step.accept("meter conditions");
        var registers = inputs.registerReadings(installed);
        counts.put(RuleKind.REGISTER_DECREASE, apply(RuleKind.REGISTER_DECREASE, registers,
                rule(snapshot, RuleSetting.REGISTER_DECREASE,
                        p -> new RegisterDecreaseRule((RegisterDecreaseRule.Parameters) p)), now));
        counts.put(RuleKind.IMPLAUSIBLE_JUMP, apply(RuleKind.IMPLAUSIBLE_JUMP, registers,
                rule(snapshot, RuleSetting.IMPLAUSIBLE_JUMP,
                        p -> new ImplausibleJumpRule((ImplausibleJumpRule.Parameters) p)), now));
        step.accept("register steps");
        var heat = inputs.heatStates(installed);
        for (RuleKind kind : RuleSetting.HEAT_RANGE.kinds()) {
            counts.put(kind, apply(kind, heat, rule(snapshot, RuleSetting.HEAT_RANGE,
                    p -> new HeatRangeRule((HeatRangeRule.Limits) p, kind)), now));
        }
        step.accept("heat ranges");
        Map<Long, Long> meterOfPoint = new HashMap<>();
        installed.forEach(i -> meterOfPoint.put(i.pointId(), i.meterId()));
        Map<Long, Instant> newestReadings = new HashMap<>();
        for (Subject<org.openamr.server.alarm.rule.RegisterReadings> r : registers) {
            var samples = r.input().series().samples();
            newestReadings.merge(meterOfPoint.get(r.place().pointId()), samples.get(samples.size() - 1).at(),
                    (a, b) -> a.isAfter(b) ? a : b);
        }
        counts.put(RuleKind.NO_READINGS, apply(RuleKind.NO_READINGS, inputs.silences(installed, newestReadings, now),
                rule(snapshot, RuleSetting.NO_READINGS, p -> new NoReadingsRule((NoReadingsRule.Parameters) p)), now));
        step.accept("no readings");
        counts.put(RuleKind.VERIFICATION_DUE, apply(RuleKind.VERIFICATION_DUE,
                inputs.verificationDates(installed, now), rule(snapshot, RuleSetting.VERIFICATION_DUE,
                        p -> new VerificationDueRule((VerificationDueRule.Parameters) p)), now));
        step.accept("verification");
        counts.put(RuleKind.LEAK, apply(RuleKind.LEAK,
                series(installed, snapshot, RuleSetting.LEAK, Resolution.HOUR, now),
                rule(snapshot, RuleSetting.LEAK, p -> new LeakRule((LeakRule.Parameters) p)), now));
        step.accept("leak");
        if (daily(now, snapshot, installed)) {
            counts.put(RuleKind.NO_CONSUMPTION, apply(RuleKind.NO_CONSUMPTION,
                    series(installed, snapshot, RuleSetting.NO_CONSUMPTION, Resolution.DAY, now),
                    rule(snapshot, RuleSetting.NO_CONSUMPTION,
                            p -> new NoConsumptionRule((NoConsumptionRule.Parameters) p)), now));
            step.accept("no consumption");
            counts.put(RuleKind.IMBALANCE, apply(RuleKind.IMBALANCE, months(installed, snapshot, now),
                    rule(snapshot, RuleSetting.IMBALANCE, p -> new ImbalanceRule((ImbalanceRule.Parameters) p)), now));
            step.accept("imbalance");
            dailyDone = new DailyRun(now, snapshot);
        }
        // CLOCK_DRIFT is not evaluated: the meters' own time (their date-time record) is not stored yet
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Outcome outcome = new Outcome(true, counts, took, steps);
        if (outcome.raised() + outcome.cleared() > 0) {
            log.info("alarm evaluation at {}: {} raised, {} cleared in {} ms", now, outcome.raised(),
                    outcome.cleared(), took.toMillis());
        }
        return outcome;
    }

    /** The rule for a subject, with the parameters its settings give; null where the rule is off. */
    private static <I extends RuleInput> Function<Subject<I>, AlarmRule<I>> rule(RuleSettings.Snapshot snapshot,
            RuleSetting setting, Function<Object, AlarmRule<I>> make) {
        Map<Object, AlarmRule<I>> made = new HashMap<>();
        return s -> {
            Optional<Object> p = snapshot.parameters(setting, s.place().resource(), s.place().buildingId(),
                    s.place().pointId());
            return p.map(parameters -> made.computeIfAbsent(parameters, make)).orElse(null);
        };
    }

    private <I extends RuleInput> Counts apply(RuleKind kind, List<Subject<I>> subjects,
            Function<Subject<I>, AlarmRule<I>> rules, Instant now) {
        Map<AlarmObject, StoredAlarm> open = alarms.open(kind);
        List<AlarmRepository.Raise> raised = new ArrayList<>();
        List<StoredAlarm> cleared = new ArrayList<>();
        Set<AlarmObject> evaluated = new HashSet<>();
        int unknown = 0;
        for (Subject<I> s : subjects) {
            AlarmObject object = s.input().object();
            AlarmRule<I> rule = rules.apply(s);
            if (rule == null || !evaluated.add(object)) {
                continue;
            }
            Verdict verdict;
            try {
                verdict = rule.evaluate(s.input());
            } catch (RuntimeException e) {
                // one object's odd data must not stop the evaluation of all others
                log.warn("rule {} failed on {}: {}", kind, object, e.toString());
                verdict = Verdict.unknown(Evidence.none("the rule failed: " + e.getMessage()));
            }
            if (verdict.finding() == Verdict.Finding.UNKNOWN) {
                unknown++;
            }
            StoredAlarm stored = open.get(object);
            AlarmLifecycle.Transition t = AlarmLifecycle.next(kind, rule.severity(), object,
                    stored == null ? null : stored.alarm(), verdict, now);
            switch (t.change()) {
                case RAISED -> raised.add(new AlarmRepository.Raise(t.alarm(), s.place().buildingId(),
                        s.place().premiseId(), s.place().channelId(), s.place().label()));
                case CLEARED -> cleared.add(new StoredAlarm(stored.id(), t.alarm()));
                case UNCHANGED -> { }
            }
        }
        for (Map.Entry<AlarmObject, StoredAlarm> e : open.entrySet()) {
            if (!evaluated.contains(e.getKey())) {
                cleared.add(new StoredAlarm(e.getValue().id(), e.getValue().alarm().clear(now, Evidence.of(now,
                        "no longer evaluated: the object was removed or the rule turned off for it"))));
            }
        }
        alarms.insert(raised);
        alarms.clear(cleared);
        return new Counts(evaluated.size(), raised.size(), cleared.size(), unknown);
    }

    /**
     * Each premise point's consumption per hour or day up to the last complete one, for the points where the rule
     * is on: one consumption query per time zone and resource, whatever the number of buildings.
     */
    private List<Subject<ConsumptionSeries>> series(List<RuleInputs.Installed> installed,
            RuleSettings.Snapshot snapshot, RuleSetting setting, Resolution resolution, Instant now) {
        Map<Long, RuleInputs.Installed> points = new LinkedHashMap<>();
        int longest = 0;
        for (RuleInputs.Installed i : installed) {
            if (i.premiseId() == null || !CONSUMPTION_RESOURCES.contains(i.resource())) {
                continue;
            }
            Optional<Object> p = snapshot.parameters(setting, i.resource(), i.buildingId(), i.pointId());
            if (p.isPresent()) {
                points.put(i.pointId(), i);
                longest = Math.max(longest, p.get() instanceof LeakRule.Parameters l ? l.hours()
                        : ((NoConsumptionRule.Parameters) p.get()).days());
            }
        }
        if (points.isEmpty()) {
            return List.of();
        }
        Map<Long, Boolean> occupied = setting == RuleSetting.NO_CONSUMPTION ? inputs.occupied(installed) : Map.of();
        List<Subject<ConsumptionSeries>> out = new ArrayList<>();
        // the points with an open leak alarm, read once for all time zones
        Set<UUID> open = new HashSet<>();
        if (setting == RuleSetting.LEAK) {
            alarms.open(RuleKind.LEAK).keySet().forEach(o -> open.add(o.id()));
        }
        Map<ZoneId, List<RuleInputs.Installed>> byZone = new LinkedHashMap<>();
        points.values().forEach(i -> byZone.computeIfAbsent(i.zone(), z -> new ArrayList<>()).add(i));
        for (var zone : byZone.entrySet()) {
            LocalDateTime end = resolution == Resolution.HOUR
                    ? LocalDateTime.ofInstant(now, zone.getKey()).truncatedTo(ChronoUnit.HOURS)
                    : LocalDate.ofInstant(now, zone.getKey()).atStartOfDay();
            LocalDateTime from = resolution == Resolution.HOUR ? end.minusHours(longest) : end.minusDays(longest);
            List<RuleInputs.Installed> wanted = zone.getValue();
            if (setting == RuleSetting.LEAK) {
                // only a point that may be leaking, or whose leak alarm is open (to be cleared with its figure),
                // needs its hours computed: for the others no verdict would change anything
                Set<Long> candidates = inputs.leakCandidates(wanted, from.atZone(zone.getKey()).toInstant(),
                        end.atZone(zone.getKey()).toInstant());
                wanted = wanted.stream().filter(i -> candidates.contains(i.pointId()) || open.contains(i.pointUuid()))
                        .toList();
            }
            if (wanted.isEmpty()) {
                continue;
            }
            // a leak's few candidates are asked for one by one; a day rule's points, all of a building's, by
            // building, which the consumption queries answer far faster than as thousands of single points
            List<ConsumptionService.Request> requests = setting == RuleSetting.LEAK
                    ? wanted.stream().map(i -> new ConsumptionService.Request(TargetKind.POINT, i.pointUuid(), null))
                            .toList()
                    : wanted.stream().map(i -> new ConsumptionService.Request(TargetKind.BUILDING, i.buildingUuid(),
                            i.resource())).distinct().toList();
            List<ConsumptionReport> reports = consumption.reports(requests, new TimeParameter.Local("from", from),
                    new TimeParameter.Local("to", end), resolution, true, SYSTEM);
            Map<Long, RuleInputs.Installed> byPoint = new HashMap<>();
            wanted.forEach(i -> byPoint.put(i.pointId(), i));
            for (ConsumptionReport report : reports) {
                for (ConsumptionReport.PointResult r : report.points()) {
                    RuleInputs.Installed i = byPoint.get(r.point().id());
                    if (i != null) {
                        out.add(new Subject<>(new ConsumptionSeries(AlarmObject.point(i.pointUuid()),
                                occupied.getOrDefault(i.premiseId(), false), r.intervals()), i.meterPlace()));
                    }
                }
            }
        }
        return out;
    }

    /** Each building's balance of the last complete month, per resource it has building and premise meters of. */
    private List<Subject<BuildingMonth>> months(List<RuleInputs.Installed> installed, RuleSettings.Snapshot snapshot,
            Instant now) {
        Map<UUID, RuleInputs.Installed> any = new LinkedHashMap<>();
        Map<UUID, Set<Resource>> house = new HashMap<>();
        Map<UUID, Set<Resource>> flats = new HashMap<>();
        for (RuleInputs.Installed i : installed) {
            if (!CONSUMPTION_RESOURCES.contains(i.resource())) {
                continue;
            }
            any.putIfAbsent(i.buildingUuid(), i);
            (i.premiseId() == null ? house : flats).computeIfAbsent(i.buildingUuid(), b -> new HashSet<>())
                    .add(i.resource());
        }
        Map<ZoneId, Map<Resource, List<UUID>>> groups = new LinkedHashMap<>();
        for (var b : any.entrySet()) {
            for (Resource r : house.getOrDefault(b.getKey(), Set.of())) {
                if (flats.getOrDefault(b.getKey(), Set.of()).contains(r)) {
                    groups.computeIfAbsent(b.getValue().zone(), z -> new EnumMap<>(Resource.class))
                            .computeIfAbsent(r, x -> new ArrayList<>()).add(b.getKey());
                }
            }
        }
        List<Subject<BuildingMonth>> out = new ArrayList<>();
        for (var zone : groups.entrySet()) {
            LocalDate thisMonth = LocalDate.ofInstant(now, zone.getKey()).withDayOfMonth(1);
            for (var resource : zone.getValue().entrySet()) {
                List<UUID> ids = resource.getValue().stream().filter(b -> snapshot.parameters(RuleSetting.IMBALANCE,
                        resource.getKey(), any.get(b).buildingId(), null).isPresent()).toList();
                if (ids.isEmpty()) {
                    continue;
                }
                List<ConsumptionReport> reports = consumption.reports(ids.stream()
                                .map(b -> new ConsumptionService.Request(TargetKind.BUILDING, b, resource.getKey()))
                                .toList(), new TimeParameter.Day("from", thisMonth.minusMonths(1)),
                        new TimeParameter.Day("to", thisMonth), Resolution.MONTH, false, SYSTEM);
                for (int n = 0; n < ids.size(); n++) {
                    BuildingBalance balance = Balances.balance(ids.get(n), reports.get(n), Resolution.MONTH);
                    RuleInputs.Installed b = any.get(ids.get(n));
                    // one alarm per building and resource: the object is the building, the resource in its label
                    out.add(new Subject<>(new BuildingMonth(new AlarmObject(AlarmObject.Kind.BUILDING,
                            balanceObject(ids.get(n), resource.getKey())), balance.rows().get(0)),
                            new Place(b.buildingId(), null, null, null, resource.getKey(),
                                    b.address() + ", " + resource.getKey().name(), b.zone())));
                }
            }
        }
        return out;
    }

    /**
     * The object of a building's balance of one resource: a building has one imbalance alarm per resource, and the
     * journal keeps one open alarm per rule and object, so the object id is the building's id made distinct per
     * resource (a name-based UUID, stable across evaluations).
     */
    static UUID balanceObject(UUID building, Resource resource) {
        return resource == Resource.HEAT ? building
                : UUID.nameUUIDFromBytes((building + "/" + resource.name()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
