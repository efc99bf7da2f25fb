package org.openamr.server.premise;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;
import org.openamr.server.api.BadRequestException;
import org.openamr.server.api.ConflictException;
import org.openamr.server.api.NotFoundException;
import org.openamr.server.api.Page;
import org.openamr.server.security.AccessScope;
import org.openamr.server.sql.Sql;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Premises, seen through an {@link AccessScope}: a resident sees their own only. */
@Repository
public class Premises {

    private static final String COLUMNS = """
            select p.id, p.public_id, b.public_id as building_pid, e.number as entrance_no, p.number, p.kind,
                   p.floor, p.area_m2, p.personal_account, p.occupied
            """;
    private static final String FROM =
            " from premise p join building b on b.id = p.building_id left join entrance e on e.id = p.entrance_id";
    private static final String SELECT = COLUMNS + FROM;

    private static final RowMapper<Premise> ROW = (rs, n) -> new Premise(rs.getObject("public_id", UUID.class),
            rs.getObject("building_pid", UUID.class), (Integer) rs.getObject("entrance_no"), rs.getString("number"),
            Premise.Kind.valueOf(rs.getString("kind")), (Integer) rs.getObject("floor"), rs.getBigDecimal("area_m2"),
            rs.getString("personal_account"), rs.getBoolean("occupied"));

    /** The unique index of an account within a building (V10), told apart from the premise number's. */
    private static final String ACCOUNT_INDEX = "premise_personal_account_uq";

    private final JdbcClient jdbc;

    public Premises(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Page<Premise> list(AccessScope scope, UUID building, int page, int size) {
        Sql where = scope.visible("p.building_id", "p.id");
        if (building != null) {
            where = where.and(Sql.of("b.public_id = :building").param("building", building));
        }
        return Page.of(jdbc, COLUMNS, Sql.format(FROM + " where %s", where), "b.address, length(p.number), p.number",
                ROW, page, size);
    }

    public Premise get(AccessScope scope, UUID id) {
        return Sql.format(SELECT + " where p.public_id = :id and %s", scope.visible("p.building_id", "p.id"))
                .on(jdbc).param("id", id).query(ROW).optional()
                .orElseThrow(() -> new NotFoundException("premise", id));
    }

    public record Ref(long id, long buildingId) {
    }

    public Ref ref(AccessScope scope, UUID id) {
        return Sql.format("select p.id, p.building_id from premise p where p.public_id = :id and %s",
                        scope.visible("p.building_id", "p.id"))
                .on(jdbc).param("id", id)
                .query((rs, n) -> new Ref(rs.getLong(1), rs.getLong(2))).optional()
                .orElseThrow(() -> new NotFoundException("premise", id));
    }

    /**
     * A premise as it is written: the API's input or a register row's values.
     *
     * @param personalAccount null: none ({@link Premise#PERSONAL_ACCOUNT} otherwise, which the caller checked)
     * @param occupied        null: as it is (not occupied for a new premise)
     */
    public record Fields(Integer entrance, String number, Premise.Kind kind, Integer floor, BigDecimal areaM2,
                         String personalAccount, Boolean occupied) {
    }

    /**
     * @throws BadRequestException when the entrance does not exist in the building
     * @throws ConflictException   when another premise of the building has the personal account
     */
    public UUID create(long buildingId, Fields f) {
        refuseAccountTaken(buildingId, f.personalAccount(), null);
        Long entranceId = entranceId(buildingId, f.entrance());
        try {
            return jdbc.sql("""
                    insert into premise (building_id, entrance_id, number, kind, floor, area_m2, personal_account,
                                         occupied)
                    values (?, ?, ?, ?, ?, ?, ?, ?) returning public_id""")
                    .params(buildingId, entranceId, f.number(), f.kind().name(), f.floor(), f.areaM2(),
                            f.personalAccount(), Boolean.TRUE.equals(f.occupied()))
                    .query(UUID.class).single();
        } catch (DuplicateKeyException e) {
            throw accountTakenSince(e, f.personalAccount());
        }
    }

    /** @throws ConflictException when another premise of the building has the personal account */
    public void update(Ref ref, Fields f) {
        refuseAccountTaken(ref.buildingId(), f.personalAccount(), ref.id());
        Long entranceId = entranceId(ref.buildingId(), f.entrance());
        try {
            jdbc.sql("""
                    update premise set entrance_id = ?, number = ?, kind = ?, floor = ?, area_m2 = ?,
                                       personal_account = ?, occupied = coalesce(?, occupied)
                    where id = ?""")
                    .params(entranceId, f.number(), f.kind().name(), f.floor(), f.areaM2(), f.personalAccount(),
                            f.occupied(), ref.id())
                    .update();
        } catch (DuplicateKeyException e) {
            throw accountTakenSince(e, f.personalAccount());
        }
    }

    /** Checked before writing, so that the answer can name the premise that has the account. */
    private void refuseAccountTaken(long buildingId, String account, Long except) {
        if (account == null) {
            return;
        }
        Optional<String> holder = jdbc.sql("""
                select number from premise where building_id = ? and personal_account = ?
                and id is distinct from ?::bigint""")
                .params(buildingId, account, except).query(String.class).optional();
        if (holder.isPresent()) {
            throw accountTaken(account, "premise " + holder.get());
        }
    }

    /**
     * A duplicate the check before did not see, because a concurrent transaction wrote it since: the account when
     * the index that refused it is the account's (the holder cannot be asked: the transaction is aborted), else
     * as it came (a premise number taken, said by {@code ApiErrors}).
     */
    private static RuntimeException accountTakenSince(DuplicateKeyException e, String account) {
        String why = String.valueOf(e.getMostSpecificCause().getMessage());
        return account != null && why.contains(ACCOUNT_INDEX) ? accountTaken(account, "another premise") : e;
    }

    private static ConflictException accountTaken(String account, String holder) {
        return new ConflictException("personalAccount: " + holder + " of this building has personal account "
                + account + " already; two premises of one building never share an account");
    }

    private Long entranceId(long buildingId, Integer entrance) {
        if (entrance == null) {
            return null;
        }
        return jdbc.sql("select id from entrance where building_id = ? and number = ?").params(buildingId, entrance)
                .query(Long.class).optional()
                .orElseThrow(() -> new BadRequestException("entrance " + entrance + " does not exist in this building"));
    }
}
