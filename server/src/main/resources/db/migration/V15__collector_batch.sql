-- OpenAMR collectors push through a CONCENTRATOR channel's token like any concentrator, and number their
-- deliveries: (channel, collector, batch sequence) is stored once. A batch sent again after a lost answer
-- or a crash is acknowledged from this table without storing anything twice; the unique key makes two
-- concurrent deliveries of one batch wait for each other inside their transactions, and the loser answers
-- "already stored". The row is written in the same transaction as the batch's readings, so a batch is
-- either stored with its readings or not at all.
create table ingest_batch (
    id             bigint generated always as identity primary key,
    channel_id     bigint not null references acquisition_channel (id) on delete cascade,
    -- the collector's id from its configuration (header X-OpenAMR-Collector)
    collector      text not null check (length(collector) between 1 and 64),
    sequence       bigint not null check (sequence > 0),
    -- the body as received: the same number with another body is a collector bug, answered 409
    payload_sha256 bytea not null check (length(payload_sha256) = 32),
    -- the push that stored it; set later in the same transaction (the row is claimed first, see above)
    push_id        bigint references ingest_push (id) on delete cascade,
    received_at    timestamptz not null default now(),
    unique (channel_id, collector, sequence)
);

-- What each collector last said about itself, for the acquisition page: one row per collector per channel,
-- updated on every contact (also a repeated or refused batch: the collector is alive).
create table ingest_collector (
    channel_id      bigint not null references acquisition_channel (id) on delete cascade,
    collector       text not null check (length(collector) between 1 and 64),
    last_contact_at timestamptz not null,
    -- readouts waiting in the collector's store, as it reported with its last delivery
    queue_depth     bigint check (queue_depth >= 0),
    version         text check (length(version) <= 200),
    -- the highest batch number stored for this collector
    last_batch      bigint check (last_batch > 0),
    primary key (channel_id, collector)
);
