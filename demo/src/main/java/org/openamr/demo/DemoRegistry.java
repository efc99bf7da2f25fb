package org.openamr.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.openamr.mbus.app.SecondaryAddress;
import org.openamr.server.api.Page;
import org.openamr.server.audit.AuditActor;
import org.openamr.server.building.Building;
import org.openamr.server.building.Buildings;
import org.openamr.server.channel.Channel;
import org.openamr.server.channel.ChannelKind;
import org.openamr.server.channel.ChannelService;
import org.openamr.server.channel.ChannelView;
import org.openamr.server.channel.ChannelPatch;
import org.openamr.server.channel.ChannelRepository;
import org.openamr.server.channel.NewChannel;
import org.openamr.server.meter.Meter;
import org.openamr.server.meter.Meters;
import org.openamr.server.organisation.Organisation;
import org.openamr.server.organisation.Organisations;
import org.openamr.server.point.MultiInputMeter;
import org.openamr.server.point.MeteringPoint;
import org.openamr.server.point.MeteringPoints;
import org.openamr.server.premise.Premise;
import org.openamr.server.premise.Premises;
import org.openamr.server.security.AccessScope;
import org.openamr.server.report.subscription.NewSubscription;
import org.openamr.server.report.subscription.SubscriptionService;
import org.openamr.server.security.OpenAmrUser;
import org.openamr.server.security.Role;
import org.openamr.server.security.UserAccounts;
import org.openamr.server.user.ApiTokenService;
import org.openamr.server.user.UserService;
import org.openamr.mbus.record.DataField;
import org.openamr.simulator.bus.VirtualBus;
import org.openamr.simulator.meter.MeterType;
import org.openamr.simulator.meter.Register;
import org.openamr.simulator.meter.VirtualMeter;
import org.openamr.simulator.model.Household;
import org.openamr.simulator.radio.RadioMeter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts the demo building into the registry once, and brings it up to date on every start: the
 * virtual bus's new port into the channel, the demo accounts as the banner prints them (their passwords
 * above all), a new API token for each.
 * The building's address is the marker: if it is there, everything else is, because the first
 * seeding is one transaction.
 *
 * <p>Everything goes in through the repositories and services the API writes with, as an administrator
 * ({@link AccessScope.Everything}, actor {@link #ACTOR}): organisations, the building, entrances, premises,
 * points, installations, the channel, the meters (in the registry of the building's service company, as an
 * administrator's registration on that channel puts them), the accounts ({@link UserService#ensure}) and their
 * tokens ({@link ApiTokenService#replace}). Only lookups read the tables directly, for want of a repository method
 * that finds by them: a building by its address (and when it was made), its channel by name, a channel's meters
 * with their verification dates. Every apartment is marked occupied.
 */
final class DemoRegistry {

    static final String ACTOR = "system:demo";
    static final String MANAGEMENT_COMPANY = "УК «Демо»";
    static final String SERVICE_COMPANY = "ООО «Сервис-Демо»";
    static final String CHANNEL_NAME = "Демо-шина M-Bus / Demo M-Bus";
    static final String COLLECTOR_CHANNEL_NAME = "Концентратор, радио / Collector, radio";
    /** Spring cron, seconds first: every minute. */
    static final String SCHEDULE = "0 * * * * *";
    static final String TOKEN_NAME = "demo";
    static final String MONTHLY_STATEMENT = "Ведомость за месяц / Monthly statement";
    static final String HOUSE_POINT_NAME = "ОДПУ / house meter";
    /** The SonoSafe's pulse inputs: cold water on subunit 1, hot water on subunit 2. */
    static final int COLD_WATER_SUBUNIT = MultiInputMeter.DANFOSS_SONOSAFE_10
            .subunit(MeteringPoint.Resource.COLD_WATER).orElseThrow();
    static final int HOT_WATER_SUBUNIT = MultiInputMeter.DANFOSS_SONOSAFE_10
            .subunit(MeteringPoint.Resource.HOT_WATER).orElseThrow();
    /** Heated area of the model's reference apartment; a household's size scales it. */
    private static final BigDecimal REFERENCE_AREA_M2 = BigDecimal.valueOf(55);

    /** The accounts of the demo: one per role, fixed passwords (the demo is not for production). */
    static final List<DemoLogin> ACCOUNTS = List.of(
            new DemoLogin("admin", "admin-demo", Role.ADMIN, "администратор", "administrator", null),
            new DemoLogin("operator", "operator-demo", Role.OPERATOR, "оператор сервисной компании",
                    "service company operator", null),
            new DemoLogin("manager", "manager-demo", Role.MANAGER, "управляющая компания", "management company", null),
            new DemoLogin("resident", "resident-demo", Role.RESIDENT, "житель кв. 1", "resident of apartment 1", null));

    /** Who writes: the demo acts as an administrator, in the audit log as {@link #ACTOR}. */
    private static final AccessScope SCOPE = new AccessScope.Everything(ACTOR);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditActor audit;
    private final Writers writers;

    /**
     * The repositories and services the API writes the registry and the accounts with: the demo's building goes
     * in the same way.
     */
    record Writers(Organisations organisations, Buildings buildings, Premises premises, MeteringPoints points,
                   ChannelService channelService, ChannelRepository channels, Meters meters, UserService users,
                   ApiTokenService tokens, SubscriptionService subscriptions, UserAccounts accounts) {
    }

    DemoRegistry(JdbcClient jdbc, TransactionTemplate transactions, AuditActor audit, Writers writers) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
        this.writers = writers;
    }

    /**
     * @param buildingPublicId the building's id in the API
     * @param created          true when this start seeded the building
     * @param logins           the accounts with this start's tokens
     * @param seededAt         when the building was first seeded: the moment {@link DemoFaults} count back from
     */
    record Site(long buildingId, UUID buildingPublicId, long channelId, boolean created, List<DemoLogin> logins,
                Instant seededAt) {
    }

    /**
     * Seeds the building, or brings it up to date; the meters' verification dates are set from today's date in
     * the building's zone ({@link DemoFaults#verification}) on every start, so that some are always due.
     */
    Site seed(DemoBuilding building, VirtualBus bus, String channelAddress) {
        return transactions.execute(status -> {
            audit.set(ACTOR);
            LocalDate today = LocalDate.now(DemoBuilding.ZONE);
            Map<String, DemoFaults.Verification> verification = DemoFaults.verification(building, today);
            Optional<Long> existing = jdbc.sql("select id from building where address = ?")
                    .param(DemoBuilding.ADDRESS).query(Long.class).optional();
            long buildingId = existing.orElseGet(() -> create(building, bus, channelAddress, verification));
            long channelId = channel(buildingId, channelAddress);
            verify(channelId, verification);
            UUID buildingPublicId = writers.buildings().publicId(buildingId);
            List<DemoLogin> logins = accounts(buildingPublicId);
            monthlyStatement(buildingPublicId);
            Instant seededAt = jdbc.sql("select created_at from building where id = ?").param(buildingId)
                    .query(Timestamp.class).single().toInstant();
            return new Site(buildingId, buildingPublicId, channelId, existing.isEmpty(), logins, seededAt);
        });
    }

    /**
     * Sets the verification dates of the channel's meters that {@code wanted} names where they differ, as an
     * administrator edits a meter: the rest of what the registry has of it stays.
     */
    private void verify(long channelId, Map<String, DemoFaults.Verification> wanted) {
        List<Map<String, Object>> meters = jdbc.sql("""
                select public_id, serial, verified_on, next_verification from meter where channel_id = ?""")
                .param(channelId).query().listOfRows();
        for (Map<String, Object> row : meters) {
            DemoFaults.Verification v = wanted.get((String) row.get("serial"));
            if (v == null || v.verifiedOn().equals(date(row.get("verified_on")))
                    && v.next().equals(date(row.get("next_verification")))) {
                continue;
            }
            UUID id = (UUID) row.get("public_id");
            Meter m = writers.meters().get(SCOPE, id);
            writers.meters().update(SCOPE, writers.meters().internalId(SCOPE, id), new Meters.Fields(m.manufacturer(),
                    m.model(), m.serial(), m.medium(), m.primaryAddress(), channelId, m.registerDigits(),
                    v.verifiedOn(), v.next(), null, null, m.gisDeviceGuid()));
        }
    }

    private static LocalDate date(Object sqlDate) {
        return sqlDate == null ? null : ((java.sql.Date) sqlDate).toLocalDate();
    }

    /**
     * @param buildingPublicId the radio building's id in the API
     * @param token            this start's push token of its collector channel (the previous start's is revoked)
     * @param created          true when this start registered the building
     */
    record RadioSite(long buildingId, UUID buildingPublicId, long channelId, String token, boolean created) {
    }

    /**
     * The radio-read building, registered once (its address is the marker) with the companies of the wired one:
     * a CONCENTRATOR channel for the demo's collector, the premises and points of {@link DemoRadioBuilding}, the
     * placed meters on that channel; the meters it leaves unassigned are not registered. Every start issues the
     * channel a new token, which the collector's configuration then carries.
     */
    RadioSite seedRadio(DemoRadioBuilding radio, Site wired) {
        return transactions.execute(status -> {
            audit.set(ACTOR);
            Optional<Long> existing = jdbc.sql("select id from building where address = ?")
                    .param(DemoRadioBuilding.ADDRESS).query(Long.class).optional();
            LocalDate today = LocalDate.now(DemoBuilding.ZONE);
            Map<String, DemoFaults.Verification> verification = new HashMap<>();
            radio.registered().forEach(m -> verification.put(m.meter().id(),
                    DemoFaults.ahead(radio.seed(), m.meter().id(), today)));
            long buildingId = existing.orElseGet(() -> createRadio(radio, wired, verification));
            long channelId = jdbc.sql("select id from acquisition_channel where building_id = ? and name = ?")
                    .params(buildingId, COLLECTOR_CHANNEL_NAME).query(Long.class).single();
            verify(channelId, verification);
            Channel channel = writers.channels().byId(channelId).orElseThrow();
            String token = writers.channelService().issueToken(channel.publicId(), SCOPE).token();
            return new RadioSite(buildingId, writers.buildings().publicId(buildingId), channelId, token,
                    existing.isEmpty());
        });
    }

    private long createRadio(DemoRadioBuilding radio, Site wired, Map<String, DemoFaults.Verification> verification) {
        Building w = writers.buildings().get(SCOPE, wired.buildingPublicId());
        long buildingId = writers.buildings().create(DemoRadioBuilding.ADDRESS, null, null,
                writers.organisations().internalId(SCOPE, w.managementCompany()),
                writers.organisations().internalId(SCOPE, w.serviceCompany()), DemoBuilding.ZONE.getId());
        ChannelView created = writers.channelService().create(new NewChannel(ChannelKind.CONCENTRATOR.name(),
                COLLECTOR_CHANNEL_NAME, writers.buildings().publicId(buildingId), null, null, null, true, null), SCOPE);
        long channelId = writers.channels().visible(created.id(), SCOPE).orElseThrow().id();
        writers.buildings().addEntrance(buildingId, 1);
        Map<RadioMeter, Long> meterIds = new HashMap<>();
        for (DemoRadioBuilding.Apartment a : radio.apartments()) {
            UUID premise = writers.premises().create(buildingId, new Premises.Fields(1, Integer.toString(a.number()),
                    Premise.Kind.APARTMENT, a.floor(), null, null, true));
            long premiseId = writers.premises().ref(SCOPE, premise).id();
            for (DemoRadioBuilding.Placement p : a.placements()) {
                long meterId = meterIds.computeIfAbsent(p.meter(), m -> registerRadioMeter(m, channelId,
                        verification.get(m.meter().id())));
                install(meterId, point(buildingId, premiseId, p.resource(), "", p.subunit()), p.meter().meter(),
                        p.register());
            }
        }
        return buildingId;
    }

    /** Registered as an installer enters a radio meter: maker, serial, model and the header it sends; no address. */
    private long registerRadioMeter(RadioMeter radio, long channelId, DemoFaults.Verification verification) {
        VirtualMeter meter = radio.meter();
        SecondaryAddress a = meter.secondaryAddress();
        UUID id = writers.meters().create(SCOPE, new Meters.Fields(meter.type().manufacturer(), model(meter.type()),
                a.id(), meter.type().medium().jsonName(), null, channelId, registerDigits(meter.type()),
                verification.verifiedOn(), verification.next(), a.version(), a.medium(), null));
        return writers.meters().internalId(SCOPE, id);
    }

    private long create(DemoBuilding building, VirtualBus bus, String channelAddress,
            Map<String, DemoFaults.Verification> verification) {
        long management = organisation(Organisation.Kind.MANAGEMENT, MANAGEMENT_COMPANY);
        long service = organisation(Organisation.Kind.SERVICE, SERVICE_COMPANY);
        long buildingId = writers.buildings().create(DemoBuilding.ADDRESS, null, null, management, service,
                DemoBuilding.ZONE.getId());
        long channelId = insertChannel(buildingId, channelAddress);
        for (int e = 1; e <= building.entrances(); e++) {
            writers.buildings().addEntrance(buildingId, e);
        }
        for (DemoBuilding.Apartment a : building.apartments()) {
            VirtualMeter meter = meter(bus, a.meterId());
            Household household = (Household) meter.consumption();
            BigDecimal area = REFERENCE_AREA_M2.multiply(BigDecimal.valueOf(household.sizePerMille(), 3))
                    .setScale(2, RoundingMode.HALF_UP);
            UUID premise = writers.premises().create(buildingId, new Premises.Fields(a.entrance(),
                    // every flat of the demo is lived in: a flat that uses nothing is worth an alarm
                    Integer.toString(a.number()), Premise.Kind.APARTMENT, a.floor(), area, null, true));
            long premiseId = writers.premises().ref(SCOPE, premise).id();
            // one meter at three points: its energy, and the water meters' pulses on subunits 1 and 2
            long meterId = registerMeter(meter, channelId, verification.get(a.meterId()));
            install(meterId, point(buildingId, premiseId, MeteringPoint.Resource.HEAT, "", 0), meter, Register.ENERGY);
            install(meterId, point(buildingId, premiseId, MeteringPoint.Resource.COLD_WATER, "", COLD_WATER_SUBUNIT),
                    meter, Register.VOLUME_SUBUNIT_1);
            install(meterId, point(buildingId, premiseId, MeteringPoint.Resource.HOT_WATER, "", HOT_WATER_SUBUNIT),
                    meter, Register.VOLUME_SUBUNIT_2);
        }
        for (DemoBuilding.HouseMeter h : List.of(building.houseHeat(), building.houseWater())) {
            VirtualMeter meter = meter(bus, h.meterId());
            MeteringPoint.Resource resource = h == building.houseHeat() ? MeteringPoint.Resource.HEAT
                    : MeteringPoint.Resource.COLD_WATER;
            Register register = h == building.houseHeat() ? Register.ENERGY : Register.VOLUME;
            install(registerMeter(meter, channelId, verification.get(h.meterId())),
                    point(buildingId, null, resource, HOUSE_POINT_NAME, 0), meter, register);
        }
        return buildingId;
    }

    private long organisation(Organisation.Kind kind, String name) {
        return writers.organisations().internalId(SCOPE, writers.organisations().create(kind, name, null).id());
    }

    private long channel(long buildingId, String address) {
        Optional<Long> found = jdbc.sql("select id from acquisition_channel where building_id = ? and name = ?")
                .params(buildingId, CHANNEL_NAME).query(Long.class).optional();
        if (found.isEmpty()) {
            return insertChannel(buildingId, address);
        }
        // the virtual bus gets a free port on every start
        Channel channel = writers.channels().byId(found.get()).orElseThrow();
        if (!address.equals(channel.address())) {
            writers.channelService().update(channel.publicId(), ChannelPatch.address(address), SCOPE);
        }
        return channel.id();
    }

    private long insertChannel(long buildingId, String address) {
        ChannelView created = writers.channelService().create(new NewChannel(ChannelKind.TCP_GATEWAY.name(),
                CHANNEL_NAME, writers.buildings().publicId(buildingId), address, DemoBuilding.BAUD, SCHEDULE, true, null),
                SCOPE);
        return writers.channels().visible(created.id(), SCOPE).orElseThrow().id();
    }

    /** A point reading its resource's default quantity (energy for heat, volume for water) on {@code subunit}. */
    private MeteringPoints.Ref point(long buildingId, Long premiseId, MeteringPoint.Resource resource, String name,
            int subunit) {
        return writers.points().ref(SCOPE, writers.points().create(buildingId, premiseId, resource, name, subunit));
    }

    /**
     * The model as a register names it: a product name. The simulator's names of its generic water meters
     * describe them in English ("Zenner cold water meter"), which the pages would show to Russian readers.
     */
    static String model(MeterType type) {
        return switch (type) {
            case COLD_WATER -> "Zenner ETK";
            case HOT_WATER -> "Zenner ETW";
            case ENCO_PULSE -> "Danfoss ENCO Pulse";
            default -> type.displayName();
        };
    }

    /** Registered as an administrator registers a meter on the channel, with the bus header a search would find. */
    private long registerMeter(VirtualMeter meter, long channelId, DemoFaults.Verification verification) {
        SecondaryAddress a = meter.secondaryAddress();
        UUID id = writers.meters().create(SCOPE, new Meters.Fields(meter.type().manufacturer(), model(meter.type()),
                a.id(), meter.type().medium().jsonName(), meter.primaryAddress(), channelId,
                registerDigits(meter.type()), verification.verifiedOn(), verification.next(), a.version(), a.medium(),
                null));
        return writers.meters().internalId(SCOPE, id);
    }

    /**
     * The digits of the counting registers when they are BCD, so that consumption knows where they roll
     * over (the house heat meter's volume does); null when they are binary and never reach their end.
     */
    private static Integer registerDigits(MeterType type) {
        Set<DataField> fields = new HashSet<>();
        type.layout().telegrams().forEach(t -> t.stream().filter(s -> type.channel(s.register()).isPresent())
                .forEach(s -> fields.add(s.field())));
        if (fields.size() != 1 || !fields.iterator().next().isBcd()) {
            return null;
        }
        return 2 * fields.iterator().next().length();
    }

    /** Installed when the model's meter was, with the register's value then as the act's initial value. */
    private void install(long meterId, MeteringPoints.Ref point, VirtualMeter meter, Register register) {
        Instant at = meter.consumption().installedAt();
        writers.points().install(point, meterId, at, meter.reading(at).amount(register), null);
    }

    /**
     * The accounts as the banner prints them (made so again if they were changed: password, role, scope,
     * enabled), and a new token each, the previous start's revoked.
     */
    private List<DemoLogin> accounts(UUID buildingId) {
        Building b = writers.buildings().get(SCOPE, buildingId);
        List<DemoLogin> out = new ArrayList<>();
        for (DemoLogin a : ACCOUNTS) {
            UUID organisation = switch (a.role()) {
                case OPERATOR -> b.serviceCompany();
                case MANAGER -> b.managementCompany();
                default -> null;
            };
            UUID premise = a.role() == Role.RESIDENT ? apartmentOne(buildingId) : null;
            UserService.Profile user = writers.users().ensure(SCOPE, new UserService.Input(a.username(), a.password(),
                    "Демо: " + a.roleRu() + " / Demo: " + a.roleEn(), a.role(), organisation, premise, true));
            String token = writers.tokens().replace(SCOPE, user.id(), TOKEN_NAME).token();
            out.add(new DemoLogin(a.username(), a.password(), a.role(), a.roleRu(), a.roleEn(), token));
        }
        return out;
    }

    /**
     * The manager's scheduled statement, as a management company sets it up: the building's previous month as XLSX
     * and PDF, on the 23rd at 08:00 Moscow time. Kept, never sent, unless SMTP is configured
     * ({@code openamr.reports.mail.*}); made once, so that a user's change survives a restart.
     */
    private void monthlyStatement(UUID buildingId) {
        OpenAmrUser manager = writers.accounts().byUsername("manager").orElseThrow();
        if (!writers.subscriptions().list(manager).isEmpty()) {
            return;
        }
        writers.subscriptions().create(NewSubscription.parse(MONTHLY_STATEMENT, "statement", buildingId,
                "PREVIOUS_MONTH", null, List.of("xlsx", "pdf"), "gcal", "ru", "0 0 8 23 * *", "Europe/Moscow",
                List.of("buh@uk-demo.example.ru")), manager);
    }

    /** The resident's apartment. Premises are listed by the length of their number first: "1" is on page one. */
    private UUID apartmentOne(UUID buildingId) {
        return writers.premises().list(SCOPE, buildingId, 0, Page.MAX_SIZE).items().stream()
                .filter(p -> p.number().equals("1")).findFirst()
                .orElseThrow(() -> new IllegalStateException("the demo building has no apartment 1")).id();
    }

    private static VirtualMeter meter(VirtualBus bus, String id) {
        return bus.meters().stream().filter(m -> m.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the demo bus has no meter " + id));
    }
}
