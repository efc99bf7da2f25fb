-- Registry: who owns what, where meters hang, how they are reached.
-- Every table has a surrogate bigint key for joins and a public UUID for the API, so that
-- identifiers stay stable across exports and re-imports.

create table organisation (
    id          bigint generated always as identity primary key,
    public_id   uuid not null unique default gen_random_uuid(),
    kind        text not null check (kind in ('MANAGEMENT', 'SERVICE')),
    name        text not null check (length(trim(name)) > 0),
    inn         text check (inn ~ '^[0-9]{10}([0-9]{2})?$'),
    created_at  timestamptz not null default now()
);

create table building (
    id                  bigint generated always as identity primary key,
    public_id           uuid not null unique default gen_random_uuid(),
    address             text not null check (length(trim(address)) > 0),
    fias_id             uuid,
    gis_id              text,
    management_org_id   bigint not null references organisation (id),
    service_org_id      bigint references organisation (id),
    time_zone           text not null default 'Europe/Moscow',
    created_at          timestamptz not null default now()
);
create index building_management_idx on building (management_org_id);
create index building_service_idx on building (service_org_id);

create table entrance (
    id           bigint generated always as identity primary key,
    public_id    uuid not null unique default gen_random_uuid(),
    building_id  bigint not null references building (id) on delete cascade,
    number       int not null check (number > 0),
    unique (building_id, number)
);

create table premise (
    id           bigint generated always as identity primary key,
    public_id    uuid not null unique default gen_random_uuid(),
    building_id  bigint not null references building (id) on delete cascade,
    entrance_id  bigint references entrance (id),
    number       text not null check (length(trim(number)) > 0),
    kind         text not null check (kind in ('APARTMENT', 'NON_RESIDENTIAL')),
    floor        int,
    area_m2      numeric(9, 2) check (area_m2 > 0),
    unique (building_id, number)
);
create index premise_entrance_idx on premise (entrance_id);

-- A point is where a resource is measured: a premise's heat, cold or hot water, or, with no
-- premise, a building-level point such as the common house meter. Readings belong to meters;
-- a point's history is the chain of meters installed at it.
create table metering_point (
    id           bigint generated always as identity primary key,
    public_id    uuid not null unique default gen_random_uuid(),
    building_id  bigint not null references building (id) on delete cascade,
    premise_id   bigint references premise (id) on delete cascade,
    resource     text not null check (resource in ('HEAT', 'COLD_WATER', 'HOT_WATER', 'ELECTRICITY', 'GAS')),
    name         text not null default '',
    created_at   timestamptz not null default now()
);
create unique index metering_point_premise_uq on metering_point (premise_id, resource, name) where premise_id is not null;
create unique index metering_point_building_uq on metering_point (building_id, resource, name) where premise_id is null;

create table acquisition_channel (
    id               bigint generated always as identity primary key,
    public_id        uuid not null unique default gen_random_uuid(),
    kind             text not null check (kind in ('SERIAL_PORT', 'TCP_GATEWAY', 'CONCENTRATOR')),
    name             text not null check (length(trim(name)) > 0),
    building_id      bigint references building (id),
    -- tcp://host:port or a serial device for polled channels; null for concentrators, which push
    address          text,
    baud             int not null default 2400 check (baud between 300 and 38400),
    -- Spring cron (six fields, seconds first); null: polled only on demand
    schedule_cron    text,
    enabled          boolean not null default true,
    -- SHA-256 of a concentrator's push token; the token itself is shown once and never stored
    token_hash       bytea unique,
    created_at       timestamptz not null default now(),
    check ((kind = 'CONCENTRATOR') = (address is null))
);

create table meter (
    id                 bigint generated always as identity primary key,
    public_id          uuid not null unique default gen_random_uuid(),
    -- three maker letters (EN 13757-3 / FLAG), when known
    manufacturer       text check (manufacturer ~ '^[A-Z@]{3}$'),
    model              text,
    serial             text not null check (length(trim(serial)) > 0),
    medium             text,
    mbus_primary       int check (mbus_primary between 0 and 250),
    mbus_version       int check (mbus_version between 0 and 255),
    mbus_medium        int check (mbus_medium between 0 and 255),
    channel_id         bigint references acquisition_channel (id),
    -- AES key sealed with the server's key (AES-GCM: nonce || ciphertext || tag); never in clear
    key_sealed         bytea,
    -- digits of a cumulative register before it rolls over to zero, when known (e.g. 8)
    register_digits    int check (register_digits between 1 and 18),
    verified_on        date,
    next_verification  date,
    first_seen_at      timestamptz,
    last_seen_at       timestamptz,
    created_at         timestamptz not null default now()
);
-- one meter per maker and serial; a meter seen without its maker (a concentrator's METER_ID) is
-- matched by serial alone
create unique index meter_identity_uq on meter (coalesce(manufacturer, ''), serial);
create index meter_serial_idx on meter (serial);
create index meter_channel_idx on meter (channel_id);

-- Which meter measured at which point when. A replaced meter's readings stay its own, and the
-- point's history is read through this table, so they stay with the point too.
create table meter_installation (
    id             bigint generated always as identity primary key,
    meter_id       bigint not null references meter (id),
    point_id       bigint not null references metering_point (id),
    installed_at   timestamptz not null,
    removed_at     timestamptz,
    -- register values at installation and removal as written in the act, when the meter
    -- was not read at that moment
    initial_value  numeric,
    final_value    numeric,
    check (removed_at is null or removed_at > installed_at)
);
create index meter_installation_point_idx on meter_installation (point_id, installed_at);
create index meter_installation_meter_idx on meter_installation (meter_id, installed_at);
create extension if not exists btree_gist;
alter table meter_installation add constraint meter_installation_point_no_overlap
    exclude using gist (point_id with =, tstzrange(installed_at, removed_at) with &&);
alter table meter_installation add constraint meter_installation_meter_no_overlap
    exclude using gist (meter_id with =, tstzrange(installed_at, removed_at) with &&);
