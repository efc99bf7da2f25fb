-- Readings: register values over time. A register is one value a meter reports (quantity, unit,
-- storage number, tariff, subunit, function); a reading is that register's exact value at a time.
-- (register_id, measured_at) is the idempotency key: the same value delivered twice, by a repeated
-- push or by a push and a poll, is one row.

create table register (
    id           bigint generated always as identity primary key,
    meter_id     bigint not null references meter (id),
    quantity     text not null,
    unit         text not null,
    storage      bigint not null default 0 check (storage >= 0),
    tariff       int not null default 0 check (tariff >= 0),
    subunit      int not null default 0 check (subunit >= 0),
    function     text not null default 'INSTANTANEOUS',
    -- VIF extensions that make it another register (RegisterKey.qualifier), '' for a plain value
    qualifier    text not null default '',
    cumulative   boolean not null,
    unique (meter_id, quantity, unit, storage, tariff, subunit, function, qualifier)
);

create table reading (
    register_id  bigint not null,
    measured_at  timestamptz not null,
    value        numeric not null,
    -- POLL (this server read it), PUSH (a concentrator sent it), IMPORT, DEMO (backfilled model)
    source       text not null,
    channel_id   bigint,
    received_at  timestamptz not null default now(),
    primary key (register_id, measured_at)
) partition by range (measured_at);

-- Partitions are monthly (reading_yYYYYmMM) and made by the server (ReadingPartitions) before rows
-- for a new month are written. There is deliberately no default partition: a row for a month
-- nobody prepared fails loudly instead of landing where later partitions cannot be created.

create table meter_event (
    id           bigint generated always as identity primary key,
    meter_id     bigint not null references meter (id),
    -- when the condition was first seen active (or ended, for CLEARED)
    occurred_at  timestamptz not null,
    kind         text not null check (kind in ('RAISED', 'CLEARED')),
    code         text not null,
    label_en     text not null,
    label_ru     text not null,
    source       text not null,
    received_at  timestamptz not null default now(),
    unique (meter_id, occurred_at, kind, code)
);
create index meter_event_meter_idx on meter_event (meter_id, occurred_at desc);

-- A meter heard by a search or a push but not installed at any point: kept for assignment,
-- together with its readings (they are stored against the meter like any other).
create view unassigned_meter as
    select m.* from meter m
    where not exists (select 1 from meter_installation i where i.meter_id = m.id);
