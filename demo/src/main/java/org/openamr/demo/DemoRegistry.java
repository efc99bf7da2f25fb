package org.openamr.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.openamr.server.audit.AuditActor;
import org.openamr.server.building.Buildings;
import org.openamr.server.channel.Channel;
import org.openamr.server.channel.ChannelKind;
import org.openamr.server.channel.ChannelService;
import org.openamr.server.channel.ChannelView;
import org.openamr.server.channel.ChannelPatch;
import org.openamr.server.channel.ChannelRepository;
import org.openamr.server.channel.NewChannel;
import org.openamr.server.organisation.Organisation;
import org.openamr.server.organisation.Organisations;
import org.openamr.server.point.MultiInputMeter;
import org.openamr.server.point.MeteringPoint;
import org.openamr.server.point.MeteringPoints;
import org.openamr.server.premise.Premise;
import org.openamr.server.premise.Premises;
import org.openamr.server.security.AccessScope;
import org.openamr.server.security.Role;
import org.openamr.server.security.Tokens;
import org.openamr.mbus.record.DataField;
import org.openamr.simulator.bus.VirtualBus;
import org.openamr.simulator.meter.MeterType;
import org.openamr.simulator.meter.Register;
import org.openamr.simulator.meter.VirtualMeter;
import org.openamr.simulator.model.Household;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts the demo building into the registry once, and brings it up to date on every start: the
 * virtual bus's new port into the channel, the demo accounts' passwords, a new API token for each.
 * The building's address is the marker: if it is there, everything else is, because the first
 * seeding is one transaction.
 *
 * <p>Organisations, the building, entrances, premises, points, installations and the channel go in through the
 * repositories and services the API writes them with, as an administrator ({@link AccessScope.Everything}, actor
 * {@link #ACTOR}). Still written here: meters (no repository method takes the channel, the register digits and
 * the bus header together while keeping them in the administrators' registry, as a search on the bus does), and
 * the accounts and their API tokens (the users service creates accounts only for a signed-in administrator, and
 * tokens are written by the controller).
 */
final class DemoRegistry {

    static final String ACTOR = "system:demo";
    static final String MANAGEMENT_COMPANY = "УК «Демо»";
    static final String SERVICE_COMPANY = "ООО «Сервис-Демо»";
    static final String CHANNEL_NAME = "Демо-шина M-Bus / Demo M-Bus";
    /** Spring cron, seconds first: every minute. */
    static final String SCHEDULE = "0 * * * * *";
    static final String TOKEN_NAME = "demo";
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
    private final PasswordEncoder passwords;
    private final Writers writers;

    /**
     * The repositories and services the API writes the registry with: the demo's building goes in the same way.
     */
    record Writers(Organisations organisations, Buildings buildings, Premises premises, MeteringPoints points,
                   ChannelService channelService, ChannelRepository channels) {
    }

    DemoRegistry(JdbcClient jdbc, TransactionTemplate transactions, AuditActor audit, PasswordEncoder passwords,
            Writers writers) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
        this.passwords = passwords;
        this.writers = writers;
    }

    /**
     * @param buildingPublicId the building's id in the API
     * @param created          true when this start seeded the building
     * @param logins           the accounts with this start's tokens
     */
    record Site(long buildingId, UUID buildingPublicId, long channelId, boolean created, List<DemoLogin> logins) {
    }

    Site seed(DemoBuilding building, VirtualBus bus, String channelAddress) {
        return transactions.execute(status -> {
            audit.set(ACTOR);
            Optional<Long> existing = jdbc.sql("select id from building where address = ?")
                    .param(DemoBuilding.ADDRESS).query(Long.class).optional();
            long buildingId = existing.orElseGet(() -> create(building, bus, channelAddress));
            long channelId = channel(buildingId, channelAddress);
            List<DemoLogin> logins = accounts(buildingId);
            return new Site(buildingId, writers.buildings().publicId(buildingId), channelId, existing.isEmpty(), logins);
        });
    }

    private long create(DemoBuilding building, VirtualBus bus, String channelAddress) {
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
            UUID premise = writers.premises().create(buildingId, a.entrance(), Integer.toString(a.number()),
                    Premise.Kind.APARTMENT, a.floor(), area);
            long premiseId = writers.premises().ref(SCOPE, premise).id();
            // one meter at three points: its energy, and the water meters' pulses on subunits 1 and 2
            long meterId = registerMeter(meter, channelId);
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
            install(registerMeter(meter, channelId), point(buildingId, null, resource, HOUSE_POINT_NAME, 0), meter,
                    register);
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
                CHANNEL_NAME, writers.buildings().publicId(buildingId), address, DemoBuilding.BAUD, SCHEDULE, true),
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

    private long registerMeter(VirtualMeter meter, long channelId) {
        var a = meter.secondaryAddress();
        jdbc.sql("""
                insert into meter (manufacturer, model, serial, medium, mbus_primary, mbus_version, mbus_medium,
                                   channel_id, register_digits)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (coalesce(owner_org_id, 0), coalesce(manufacturer, ''), serial) do nothing""")
                .params(meter.type().manufacturer(), model(meter.type()), a.id(),
                        meter.type().medium().jsonName(), meter.primaryAddress(), a.version(), a.medium(), channelId,
                        registerDigits(meter.type()))
                .update();
        return meterId(meter);
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

    private long meterId(VirtualMeter meter) {
        return jdbc.sql("select id from meter where manufacturer = ? and serial = ?")
                .params(meter.type().manufacturer(), meter.id()).query(Long.class).single();
    }

    /** Installed when the model's meter was, with the register's value then as the act's initial value. */
    private void install(long meterId, MeteringPoints.Ref point, VirtualMeter meter, Register register) {
        Instant at = meter.consumption().installedAt();
        writers.points().install(point, meterId, at, meter.reading(at).amount(register), null);
    }

    /** The accounts, created once; passwords set back to the printed ones; a new token each. */
    private List<DemoLogin> accounts(long buildingId) {
        Map<String, Object> b = jdbc.sql("select management_org_id, service_org_id from building where id = ?")
                .param(buildingId).query().singleRow();
        Long residentPremise = jdbc.sql("select id from premise where building_id = ? and number = '1'")
                .param(buildingId).query(Long.class).single();
        List<DemoLogin> out = new ArrayList<>();
        for (DemoLogin a : ACCOUNTS) {
            Long organisation = switch (a.role()) {
                case OPERATOR -> (Long) b.get("service_org_id");
                case MANAGER -> (Long) b.get("management_org_id");
                default -> null;
            };
            Long premise = a.role() == Role.RESIDENT ? residentPremise : null;
            long userId = user(a, organisation, premise);
            String token = Tokens.newToken("oamr_api_");
            jdbc.sql("delete from api_token where user_id = ? and name = ?").params(userId, TOKEN_NAME).update();
            jdbc.sql("insert into api_token (user_id, name, token_hash) values (?, ?, ?)")
                    .params(userId, TOKEN_NAME, Tokens.hash(token)).update();
            out.add(new DemoLogin(a.username(), a.password(), a.role(), a.roleRu(), a.roleEn(), token));
        }
        return out;
    }

    private long user(DemoLogin a, Long organisation, Long premise) {
        Optional<Map<String, Object>> found = jdbc.sql("select id, password_hash from app_user where username = ?")
                .param(a.username()).query().listOfRows().stream().findFirst();
        if (found.isEmpty()) {
            return id("""
                    insert into app_user (username, password_hash, display_name, role, organisation_id, premise_id)
                    values (?, ?, ?, ?, ?, ?)""", a.username(), passwords.encode(a.password()),
                    "Демо: " + a.roleRu() + " / Demo: " + a.roleEn(), a.role().name(), organisation, premise);
        }
        long id = ((Number) found.get().get("id")).longValue();
        if (!passwords.matches(a.password(), (String) found.get().get("password_hash"))) {
            jdbc.sql("update app_user set password_hash = ? where id = ?")
                    .params(passwords.encode(a.password()), id).update();
        }
        jdbc.sql("update app_user set enabled = true where id = ? and not enabled").param(id).update();
        return id;
    }

    private static VirtualMeter meter(VirtualBus bus, String id) {
        return bus.meters().stream().filter(m -> m.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the demo bus has no meter " + id));
    }

    private long id(String insert, Object... params) {
        return jdbc.sql(insert + " returning id").params(params).query(Long.class).single();
    }
}
