-- Concentrator pushes: one row per accepted push (also for a repeated one, which stores nothing
-- new), written in the same transaction as its readings, so the counts always match what is stored.
-- A push refused as a whole (not well-formed, wrong shape, too large, bad token) writes nothing.

create table ingest_push (
    id                  bigint generated always as identity primary key,
    public_id           uuid not null unique default gen_random_uuid(),
    channel_id          bigint not null references acquisition_channel (id),
    format              text not null check (format in ('SOLVIMUS_XML', 'READOUTS_JSON')),
    -- what the document says about its sender (MUC_ID, or the JSON's concentrator.id), for support
    sender              text,
    received_at         timestamptz not null default now(),
    payload_bytes       int not null check (payload_bytes >= 0),
    payload_sha256      bytea not null check (length(payload_sha256) = 32),
    meters              int not null check (meters >= 0),
    meters_created      int not null check (meters_created >= 0),
    -- readings new to the database, and valid readings it already had (a repeated push)
    readings_new        int not null check (readings_new >= 0),
    readings_duplicate  int not null check (readings_duplicate >= 0),
    -- rows in ingest_rejection for this push
    rejected            int not null check (rejected >= 0)
);
create index ingest_push_channel_idx on ingest_push (channel_id, received_at desc);
create index ingest_push_sha256_idx on ingest_push (payload_sha256);

-- The parts of a push that could not be accepted, kept with the reason so that nothing is lost
-- silently: a data element with an unknown description, an entry whose VAL is not a number, ...
create table ingest_rejection (
    id          bigint generated always as identity primary key,
    push_id     bigint not null references ingest_push (id) on delete cascade,
    -- the meter as the document names it (METER_ID, serial), when it names one
    meter       text,
    -- where in the document: 'data OBIS 6-0:1.0.0*255, entry 2' or 'meters[3].values[17]'
    location    text not null,
    reason      text not null,
    -- the rejected part as sent (XML re-serialised from the parsed element, or JSON)
    fragment    text not null,
    -- how many values the rejected part held (a whole data element or meter can be rejected at once)
    value_count int not null check (value_count >= 0)
);
create index ingest_rejection_push_idx on ingest_rejection (push_id);
