package org.openamr.server.meter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.openamr.acquisition.readout.MeterIdentity;
import org.openamr.mbus.app.Medium;
import java.util.UUID;
import org.openamr.server.api.ConflictException;
import org.openamr.server.api.NotFoundException;
import org.openamr.server.api.Page;
import org.openamr.server.security.AccessScope;
import org.openamr.server.sql.Sql;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Meters of the registry, seen through {@link MeterVisibility}. */
@Repository
public class Meters {

    private static final String COLUMNS = """
            select m.*, c.public_id as channel_pid,
                   array(select mp.public_id from meter_installation i join metering_point mp on mp.id = i.point_id
                         where i.meter_id = m.id and i.removed_at is null order by mp.resource) as point_pids
            """;
    private static final String FROM = " from meter m left join acquisition_channel c on c.id = m.channel_id";
    private static final String SELECT = COLUMNS + FROM;
    /** The unique index of a ГИС ЖКХ device GUID (V11), told apart from the index of maker and serial. */
    private static final String GIS_GUID_INDEX = "meter_gis_device_guid_uq";

    private final JdbcClient jdbc;

    public Meters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A meter as the registry keeps it.
     *
     * @param busVersion the version and {@code busMedium} the medium code of the meter's bus header, known when it
     *                   was found on a bus (the demo's virtual one): with maker and serial they make its secondary
     *                   address. The API does not take them; null keeps what is stored.
     * @param gisDeviceGuid the device's identifier in ГИС ЖКХ; null: none (one stored is cleared)
     */
    public record Fields(String manufacturer, String model, String serial, String medium, Integer primaryAddress,
                         Long channelId, Integer registerDigits, LocalDate verifiedOn, LocalDate nextVerification,
                         Integer busVersion, Integer busMedium, UUID gisDeviceGuid) {
    }

    /**
     * @param building only meters installed (now) in this building, or found on its channels
     * @param unassigned only meters never installed at any point
     */
    public Page<Meter> list(AccessScope scope, UUID building, boolean unassigned, int page, int size) {
        Sql where = MeterVisibility.meter(scope, "m");
        if (unassigned) {
            where = where.and(Sql.of("not exists (select 1 from meter_installation u where u.meter_id = m.id)"));
        }
        if (building != null) {
            where = where.and(inBuilding(building));
        }
        Page<Meter> found = Page.of(jdbc, COLUMNS, Sql.format(FROM + " where %s", where), "m.serial, m.manufacturer",
                Meters::map, page, size);
        return new Page<>(found.items().stream().map(m -> forScope(scope, m)).toList(), page, size, found.total());
    }

    /** SQL true for meters {@code m} installed in the building now, or found on its channels. */
    static Sql inBuilding(UUID building) {
        return Sql.of("""
                exists (select 1 from meter_installation bi join metering_point bp on bp.id = bi.point_id
                          join building bb on bb.id = bp.building_id
                         where bi.meter_id = m.id and bi.removed_at is null and bb.public_id = :building)
                or exists (select 1 from acquisition_channel bc join building bb on bb.id = bc.building_id
                         where bc.id = m.channel_id and bb.public_id = :building)""").param("building", building);
    }

    public Meter get(AccessScope scope, UUID id) {
        return Sql.format(SELECT + " where m.public_id = :id and %s", MeterVisibility.meter(scope, "m"))
                .on(jdbc).param("id", id).query(Meters::map).optional().map(m -> forScope(scope, m))
                .orElseThrow(() -> new NotFoundException("meter", id));
    }

    /** Residents see their meters, not how the building's network reaches them. */
    private static Meter forScope(AccessScope scope, Meter m) {
        if (!(scope instanceof AccessScope.Resident)) {
            return m;
        }
        return new Meter(m.id(), m.manufacturer(), m.model(), m.serial(), m.medium(), null, null, null, m.points(),
                m.hasKey(), m.registerDigits(), m.verifiedOn(), m.nextVerification(), m.firstSeenAt(), m.lastSeenAt(),
                m.gisDeviceGuid());
    }

    /** The internal key of a meter the scope sees. */
    public long internalId(AccessScope scope, UUID id) {
        return Sql.format("select m.id from meter m where m.public_id = :id and %s", MeterVisibility.meter(scope, "m"))
                .on(jdbc).param("id", id).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("meter", id));
    }

    /**
     * Registers a meter in the registry of the caller's organisation (an administrator's: the registry of
     * the operator of the given channel's building, else the administrators' own). Identity (maker and
     * serial) is unique per registry, so a serial another organisation has is no obstacle.
     *
     * @throws ConflictException when the caller's registry already has a meter with this maker and serial, or
     *                           another meter has the ГИС ЖКХ device GUID
     */
    public UUID create(AccessScope scope, Fields f) {
        Long owner = owner(scope, f.channelId());
        refuseTaken(owner, f.manufacturer(), f.serial(), null);
        refuseGisGuidTaken(scope, f.gisDeviceGuid(), null);
        try {
            return jdbc.sql("""
                    insert into meter (owner_org_id, manufacturer, model, serial, medium, bus_address, channel_id,
                                       register_digits, verified_on, next_verification, mbus_version, mbus_medium,
                                       gis_device_guid)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning public_id""")
                    .params(owner, f.manufacturer(), f.model(), f.serial(), f.medium(), f.primaryAddress(),
                            f.channelId(), f.registerDigits(), f.verifiedOn(), f.nextVerification(), f.busVersion(),
                            f.busMedium(), f.gisDeviceGuid())
                    .query(UUID.class).single();
        } catch (DuplicateKeyException e) {
            // registered by a concurrent request since the check
            throw gisGuidTakenSince(e, f.gisDeviceGuid()).orElseGet(() -> taken(f.manufacturer(), f.serial()));
        }
    }

    /**
     * @throws ConflictException when another meter of the meter's registry has the new maker and serial, or another
     *                           meter has the ГИС ЖКХ device GUID
     */
    public void update(AccessScope scope, long id, Fields f) {
        // a list, not single(): null (the administrators' registry) is an owner too
        Long owner = jdbc.sql("select owner_org_id from meter where id = ?").param(id)
                .query((rs, n) -> (Long) rs.getObject(1)).list().get(0);
        refuseTaken(owner, f.manufacturer(), f.serial(), id);
        refuseGisGuidTaken(scope, f.gisDeviceGuid(), id);
        try {
            jdbc.sql("""
                    update meter set manufacturer = ?, model = ?, serial = ?, medium = ?, bus_address = ?, channel_id = ?,
                                     register_digits = ?, verified_on = ?, next_verification = ?,
                                     mbus_version = coalesce(?, mbus_version), mbus_medium = coalesce(?, mbus_medium),
                                     gis_device_guid = ?
                    where id = ?""")
                    .params(f.manufacturer(), f.model(), f.serial(), f.medium(), f.primaryAddress(), f.channelId(),
                            f.registerDigits(), f.verifiedOn(), f.nextVerification(), f.busVersion(), f.busMedium(),
                            f.gisDeviceGuid(), id)
                    .update();
        } catch (DuplicateKeyException e) {
            throw gisGuidTakenSince(e, f.gisDeviceGuid()).orElseGet(() -> taken(f.manufacturer(), f.serial()));
        }
    }

    /**
     * A meter that has a ГИС ЖКХ device GUID.
     *
     * @param serial its serial number when the scope sees the meter or it is of the registry of the caller's
     *               organisation; null: another's meter the scope does not see, which nothing the caller is told may
     *               describe
     */
    public record GisGuidHolder(long id, UUID gisDeviceGuid, String serial) {
    }

    /** The meters, in all registries, that have one of these ГИС ЖКХ device GUIDs: the GUID is the device's own. */
    public List<GisGuidHolder> withGisDeviceGuids(AccessScope scope, Collection<UUID> guids) {
        if (guids.isEmpty()) {
            return List.of();
        }
        return Sql.format("""
                        select m.id, m.gis_device_guid,
                               case when %s or m.owner_org_id = :company::bigint then m.serial end as seen_serial
                        from meter m where m.gis_device_guid in (:guids) order by m.id""",
                        MeterVisibility.meter(scope, "m"))
                .on(jdbc).param("guids", List.copyOf(guids)).param("company", company(scope), Types.BIGINT)
                .query((rs, n) -> new GisGuidHolder(rs.getLong("id"), rs.getObject("gis_device_guid", UUID.class),
                        rs.getString("seen_serial")))
                .list();
    }

    /** Checked before writing, so that the answer can name the meter that has the GUID (when the caller sees it). */
    private void refuseGisGuidTaken(AccessScope scope, UUID guid, Long except) {
        if (guid == null) {
            return;
        }
        withGisDeviceGuids(scope, List.of(guid)).stream().filter(h -> except == null || h.id() != except)
                .findFirst().ifPresent(h -> {
                    throw gisGuidTaken(guid, h.serial() == null ? "a meter you do not see" : "meter " + h.serial());
                });
    }

    /**
     * A duplicate the check before did not see, because a concurrent transaction wrote it since: the GUID's when the
     * index that refused it is the GUID's (the holder cannot be asked: the transaction is aborted), else empty.
     */
    private static Optional<ConflictException> gisGuidTakenSince(DuplicateKeyException e, UUID guid) {
        String why = String.valueOf(e.getMostSpecificCause().getMessage());
        return guid != null && why.contains(GIS_GUID_INDEX) ? Optional.of(gisGuidTaken(guid, "another meter"))
                : Optional.empty();
    }

    private static ConflictException gisGuidTaken(UUID guid, String holder) {
        return new ConflictException("gisDeviceGuid: " + holder + " has ГИС ЖКХ device GUID " + guid
                + " already; two meters never share one, or ГИС ЖКХ would get one device's readings twice");
    }

    /** Whose registry a meter the scope registers joins: see {@link #create(AccessScope, Fields)}. */
    private Long owner(AccessScope scope, Long channelId) {
        Long company = company(scope);
        if (company != null || channelId == null) {
            return company;
        }
        return jdbc.sql("""
                select coalesce(b.service_org_id, b.management_org_id) from acquisition_channel c
                left join building b on b.id = c.building_id where c.id = ?""")
                .param(channelId).query((rs, n) -> (Long) rs.getObject(1)).optional().orElse(null);
    }

    /**
     * Whose registry the meters the scope registers for a building (a register import) join: by the rule of
     * {@link #create(AccessScope, Fields)}, the caller's organisation's, an administrator's the building's
     * operator's (its service company, else its management company; neither: the administrators').
     */
    public Long registry(AccessScope scope, UUID building) {
        Long company = company(scope);
        if (company != null) {
            return company;
        }
        return jdbc.sql("select coalesce(service_org_id, management_org_id) from building where public_id = ?")
                .param(building).query((rs, n) -> (Long) rs.getObject(1)).optional()
                .orElseThrow(() -> new NotFoundException("building", building));
    }

    /** The organisation of a company's user, whose registry is the only one it registers meters in. */
    private static Long company(AccessScope scope) {
        if (scope instanceof AccessScope.ServiceCompany s) {
            return s.organisationId();
        }
        if (scope instanceof AccessScope.ManagementCompany m) {
            return m.organisationId();
        }
        return null;
    }

    private void refuseTaken(Long owner, String manufacturer, String serial, Long except) {
        boolean taken = jdbc.sql("""
                select exists (select 1 from meter where coalesce(owner_org_id, 0) = coalesce(?::bigint, 0)
                               and coalesce(manufacturer, '') = coalesce(?::text, '') and serial = ?
                               and id is distinct from ?::bigint)""")
                .params(owner, manufacturer, serial, except).query(Boolean.class).single();
        if (taken) {
            throw taken(manufacturer, serial);
        }
    }

    private static ConflictException taken(String manufacturer, String serial) {
        return new ConflictException("your registry already has a meter with serial number " + serial
                + (manufacturer == null ? " and no manufacturer" : " from manufacturer " + manufacturer)
                + "; change that meter instead of registering it again");
    }

    /** A meter the caller sees, with its key for changing it and the bus identity a secondary address needs. */
    public record Visible(long id, Meter meter, Integer busVersion, Integer busMedium) {
    }

    /**
     * Meters {@code m} within reach of operator {@code :operator}'s registry: the registry's own, and meters
     * installed now in a building the operator serves (registered before meters had owners, or by an
     * administrator). What its concentrators' pushes ({@link MeterResolver#SCOPE}) and its register imports match.
     */
    static final String OPERATOR_SCOPE = """
            (m.owner_org_id is not distinct from :operator::bigint
             or exists (select 1 from meter_installation si join metering_point sp on sp.id = si.point_id
                                join building sb on sb.id = sp.building_id
                        where si.meter_id = m.id and si.removed_at is null
                          and coalesce(sb.service_org_id, sb.management_org_id) = :operator::bigint))""";

    /**
     * Meters with one of these serial numbers within reach of a registry ({@link #OPERATOR_SCOPE}) that the scope
     * sees, the registry's own first. Another organisation's meter of the same number is not among them.
     */
    public List<Visible> withSerials(AccessScope scope, Long registry, Collection<String> serials) {
        if (serials.isEmpty()) {
            return List.of();
        }
        return Sql.format(SELECT + " where m.serial in (:serials) and " + OPERATOR_SCOPE + " and %s"
                        + " order by m.owner_org_id is not distinct from :operator::bigint desc, m.id",
                        MeterVisibility.meter(scope, "m"))
                .on(jdbc).param("serials", List.copyOf(serials)).param("operator", registry, Types.BIGINT)
                .query((rs, n) -> new Visible(rs.getLong("id"), forScope(scope, map(rs, n)),
                        (Integer) rs.getObject("mbus_version"), (Integer) rs.getObject("mbus_medium")))
                .list();
    }

    /** Maker (null: unknown) and serial number of a registered meter. */
    public record Identity(String manufacturer, String serial) {
    }

    /**
     * The meters of one registry (null: the administrators') with one of these serial numbers, whoever sees
     * them: so that a registry never gets a meter twice. Tells only that it exists, nothing about it; other
     * registries are not asked, so that nobody learns what another organisation has.
     */
    public List<Identity> registered(Long registry, Collection<String> serials) {
        if (serials.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select manufacturer, serial from meter
                        where serial in (:serials) and owner_org_id is not distinct from :registry::bigint""")
                .param("serials", List.copyOf(serials)).param("registry", registry, Types.BIGINT)
                .query((rs, n) -> new Identity(rs.getString(1), rs.getString(2))).list();
    }

    /**
     * What a register (an import of a building's list of meters) says about a meter: never its channel, which a
     * search on the bus sets, nor its key.
     */
    public record Details(String manufacturer, String model, String medium, Integer primaryAddress, Integer busVersion,
                          Integer busMedium, LocalDate nextVerification, UUID gisDeviceGuid) {
    }

    /**
     * @param registry whose registry the meter joins ({@link #registry}), null: the administrators'
     * @throws ConflictException when another meter got the ГИС ЖКХ device GUID since the caller checked
     */
    public long create(Long registry, String serial, Details d) {
        try {
            return jdbc.sql("""
                    insert into meter (owner_org_id, manufacturer, model, serial, medium, bus_address, mbus_version,
                                       mbus_medium, next_verification, gis_device_guid)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(registry, d.manufacturer(), d.model(), serial, d.medium(), d.primaryAddress(),
                            d.busVersion(), d.busMedium(), d.nextVerification(), d.gisDeviceGuid())
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw gisGuidTakenSince(e, d.gisDeviceGuid()).orElseThrow(() -> e);
        }
    }

    /** @throws ConflictException when another meter got the ГИС ЖКХ device GUID since the caller checked */
    public void update(long id, Details d) {
        try {
            jdbc.sql("""
                    update meter set manufacturer = ?, model = ?, medium = ?, bus_address = ?, mbus_version = ?,
                                     mbus_medium = ?, next_verification = ?, gis_device_guid = ?
                    where id = ?""")
                    .params(d.manufacturer(), d.model(), d.medium(), d.primaryAddress(), d.busVersion(),
                            d.busMedium(), d.nextVerification(), d.gisDeviceGuid(), id)
                    .update();
        } catch (DuplicateKeyException e) {
            throw gisGuidTakenSince(e, d.gisDeviceGuid()).orElseThrow(() -> e);
        }
    }

    public void setKey(long id, byte[] sealed) {
        jdbc.sql("update meter set key_sealed = ? where id = ?").params(sealed, id).update();
    }

    private static List<UUID> points(java.sql.Array array) throws SQLException {
        return array == null ? List.of() : List.of((UUID[]) array.getArray());
    }

    /** The medium as entered, else as the meter names itself on the bus (a meter found by a search or a push). */
    static String medium(String entered, Integer busCode) {
        if (entered != null || busCode == null) {
            return entered;
        }
        return Medium.of(busCode).jsonName();
    }

    private static Meter map(ResultSet rs, int n) throws SQLException {
        String secondary = new MeterIdentity(rs.getString("serial"), Optional.ofNullable(rs.getString("manufacturer")),
                Optional.ofNullable((Integer) rs.getObject("mbus_version")),
                Optional.ofNullable((Integer) rs.getObject("mbus_medium"))).secondaryAddress().orElse(null);
        return new Meter(rs.getObject("public_id", UUID.class), rs.getString("manufacturer"), rs.getString("model"),
                rs.getString("serial"), medium(rs.getString("medium"), (Integer) rs.getObject("mbus_medium")),
                (Integer) rs.getObject("bus_address"), secondary,
                rs.getObject("channel_pid", UUID.class), points(rs.getArray("point_pids")),
                rs.getBytes("key_sealed") != null, (Integer) rs.getObject("register_digits"),
                rs.getObject("verified_on", LocalDate.class), rs.getObject("next_verification", LocalDate.class),
                rs.getTimestamp("first_seen_at") == null ? null : rs.getTimestamp("first_seen_at").toInstant(),
                rs.getTimestamp("last_seen_at") == null ? null : rs.getTimestamp("last_seen_at").toInstant(),
                rs.getObject("gis_device_guid", UUID.class));
    }
}
