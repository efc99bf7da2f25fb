package org.openamr.server.report.statement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openamr.server.consumption.ConsumptionReport;
import org.openamr.server.consumption.ConsumptionService;
import org.openamr.server.consumption.MeterInstallation;
import org.openamr.server.point.MeteringPoint.Resource;
import org.openamr.server.report.ReportRequest;
import org.openamr.server.report.ReportScopes;
import org.openamr.server.security.AccessScope;
import org.springframework.stereotype.Component;

/**
 * The figures of the statement and of the billing export, which shows the same lines in a billing program's
 * columns: per building and resource one consumption query, its apartment points as lines and its building
 * points (ОДПУ) for the totals. Call within one transaction (the builders' REPEATABLE READ), so that the totals add
 * up to the lines.
 */
@Component
class StatementComputation {

    static final List<Resource> RESOURCES = List.of(Resource.HEAT, Resource.COLD_WATER, Resource.HOT_WATER);

    /** An apartment point's line with what the statement shows beside it. */
    record Entry(ReportScopes.Subject subject, StatementRepository.PremiseInfo premise, Resource resource,
                 StatementLine line, LocalDate verificationDue) {
    }

    /** A building's (or entrance's, apartment's) lines of one resource, against its building meters. */
    record Total(ReportScopes.Subject subject, Resource resource, List<StatementLine> house,
                 List<StatementLine> flats) {
    }

    record Computed(List<ReportScopes.Subject> subjects, List<Entry> entries, List<Total> totals) {
    }

    private final ReportScopes scopes;
    private final StatementRepository repository;
    private final ConsumptionService consumption;

    StatementComputation(ReportScopes scopes, StatementRepository repository, ConsumptionService consumption) {
        this.scopes = scopes;
        this.repository = repository;
        this.consumption = consumption;
    }

    Computed compute(ReportRequest request, AccessScope scope) {
        List<ReportScopes.Subject> subjects = scopes.of(request.scope(), scope);
        List<ConsumptionService.Request> requests = new ArrayList<>(subjects.size() * RESOURCES.size());
        for (ReportScopes.Subject subject : subjects) {
            for (Resource resource : RESOURCES) {
                requests.add(new ConsumptionService.Request(subject.kind(), subject.id(), resource));
            }
        }
        // one call for every building: a portfolio's statement in the queries of one building's
        List<ConsumptionReport> reports = requests.isEmpty() ? List.of()
                : consumption.reports(requests, request.period().fromParameter(), request.period().toParameter(),
                        request.period().resolution(), false, scope);
        List<Long> buildings = subjects.stream().map(ReportScopes.Subject::buildingId).distinct().toList();
        Map<Long, StatementRepository.PremiseInfo> premises = repository.premises(buildings, scope);
        List<Entry> entries = new ArrayList<>();
        List<Total> totals = new ArrayList<>();
        int n = 0;
        for (ReportScopes.Subject subject : subjects) {
            for (Resource resource : RESOURCES) {
                ConsumptionReport report = reports.get(n++);
                List<StatementLine> house = new ArrayList<>();
                List<StatementLine> flats = new ArrayList<>();
                for (ConsumptionReport.PointResult p : report.points()) {
                    StatementLine line = StatementLine.of(p);
                    if (p.point().buildingLevel()) {
                        house.add(line);
                    } else {
                        flats.add(line);
                        // the meter that counts at the period's end: the last one installed within it
                        List<MeterInstallation> meters = p.meters();
                        entries.add(new Entry(subject, premises.get(line.point().premiseId()), resource, line,
                                meters.isEmpty() ? null : meters.get(meters.size() - 1).nextVerification()));
                    }
                }
                if (!flats.isEmpty() || !house.isEmpty()) {
                    totals.add(new Total(subject, resource, house, flats));
                }
            }
        }
        return new Computed(subjects, entries, totals);
    }
}
