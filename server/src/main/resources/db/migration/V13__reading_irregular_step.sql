-- Irregular steps: the readings that are lower than the reading of the same register before them, or
-- written with another number of decimals. Consumption over a period is the sum of the steps between
-- consecutive readings (CONSUMPTION.md); where no step in a window is irregular, that sum is the last
-- value minus the first, so the server reads only the readings next to the period's boundaries instead of
-- every reading in it (ConsumptionRepository). This table is how it knows: a register with a row here in
-- the window is read in full.
--
-- A row may outlive its reason (a reading later stored between the two makes both steps regular again);
-- that only costs a full read. A missing row would give a wrong figure, so every insert into reading
-- passes through the trigger below.

create table reading_irregular_step (
    register_id  bigint not null,
    -- the later reading of the step
    measured_at  timestamptz not null,
    primary key (register_id, measured_at)
);

insert into reading_irregular_step (register_id, measured_at)
select register_id, measured_at
from (select register_id, measured_at, value,
             lag(value) over (partition by register_id order by measured_at) as previous
      from reading) x
where previous > value or scale(previous) <> scale(value);

-- The function's statements are planned once per connection and the plans kept: planned while the table was
-- empty (a new server, a truncated partition) they would scan whole partitions for each register ever after.
-- Every look-up here has an index, so sequential scans are ruled out for the function's queries.
create function reading_note_irregular_steps() returns trigger language plpgsql
set enable_seqscan = off
as $$
begin
    -- Two transactions storing readings of one register at once would each miss the other's rows: lock
    -- the registers' rows (in id order, against deadlocks) so that the second waits, and read after the
    -- lock, which in READ COMMITTED sees what the first committed. Row locks, not advisory locks: a push
    -- may carry thousands of registers, more than the shared lock table holds.
    perform 1 from register where id in (select distinct register_id from inserted) order by id for no key update;
    insert into reading_irregular_step (register_id, measured_at)
    with batch as (
        select register_id, min(measured_at) as first_at, max(measured_at) as last_at, count(*) as rows
        from inserted group by register_id
    ), run as (
        -- registers whose new readings follow one another in the table, no older one between them (a day of
        -- a meter's values pushed once, the usual case): their steps are those within the batch and the two at
        -- its ends, found without a look-up per reading
        select b.* from batch b
        where b.rows = (select count(*) from reading x
                        where x.register_id = b.register_id and x.measured_at between b.first_at and b.last_at)
    ), within as (
        select n.register_id, n.measured_at, n.value,
               lag(n.value) over (partition by n.register_id order by n.measured_at) as previous
        from inserted n where n.register_id in (select register_id from run)
    )
    select register_id, measured_at from within
    where previous > value or scale(previous) <> scale(value)
    union
    select r.register_id, r.first_at
    from run r join inserted n on n.register_id = r.register_id and n.measured_at = r.first_at
    cross join lateral (select x.value from reading x
                        where x.register_id = r.register_id and x.measured_at < r.first_at
                        order by x.measured_at desc limit 1) before
    where before.value > n.value or scale(before.value) <> scale(n.value)
    union
    select r.register_id, after.measured_at
    from run r join inserted n on n.register_id = r.register_id and n.measured_at = r.last_at
    cross join lateral (select x.measured_at, x.value from reading x
                        where x.register_id = r.register_id and x.measured_at > r.last_at
                        order by x.measured_at limit 1) after
    where n.value > after.value or scale(n.value) <> scale(after.value)
    union
    -- the others (readings stored between older ones): each new reading against its neighbours
    select n.register_id, n.measured_at
    from inserted n
    cross join lateral (select x.value from reading x
                        where x.register_id = n.register_id and x.measured_at < n.measured_at
                        order by x.measured_at desc limit 1) before
    where n.register_id not in (select register_id from run)
      and (before.value > n.value or scale(before.value) <> scale(n.value))
    union
    select n.register_id, after.measured_at
    from inserted n
    cross join lateral (select x.measured_at, x.value from reading x
                        where x.register_id = n.register_id and x.measured_at > n.measured_at
                        order by x.measured_at limit 1) after
    where n.register_id not in (select register_id from run)
      and (n.value > after.value or scale(n.value) <> scale(after.value))
    on conflict do nothing;
    return null;
end $$;

create trigger reading_irregular_steps after insert on reading
    referencing new table as inserted
    for each statement execute function reading_note_irregular_steps();
