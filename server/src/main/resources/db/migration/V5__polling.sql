-- Acquisition from the server: what it did on its channels (polls and searches), when, on which
-- server instance and with what result for every meter, and the jobs the API started.

-- When schedule_cron was last set: a schedule fires at its first slot after this moment, so a new
-- or changed schedule does not run at once for slots that passed before it existed.
alter table acquisition_channel add column schedule_since timestamptz;
update acquisition_channel set schedule_since = created_at where schedule_cron is not null;

-- One run of a poll or a search on a channel, written by the instance that held the channel's
-- lock. Times are the database's clock, so that runs of different instances compare.
create table poll_run (
    id                  bigint generated always as identity primary key,
    public_id           uuid not null unique default gen_random_uuid(),
    channel_id          bigint not null references acquisition_channel (id) on delete cascade,
    kind                text not null check (kind in ('POLL', 'SEARCH')),
    -- SCHEDULE: the channel's cron; MANUAL: "read now" or a search from the API
    trigger             text not null check (trigger in ('SCHEDULE', 'MANUAL')),
    actor               text not null,
    instance            text not null,
    started_at          timestamptz not null default clock_timestamp(),
    finished_at         timestamptz,
    -- OK: every meter read; PARTIAL: some failed; FAILED: the channel failed or nothing was read
    status              text not null default 'RUNNING' check (status in ('RUNNING', 'OK', 'PARTIAL', 'FAILED')),
    meters_total        int not null default 0,
    meters_read         int not null default 0,
    meters_failed       int not null default 0,
    -- searches only: meters that answered
    meters_found        int,
    meters_created      int not null default 0,
    readings_inserted   int not null default 0,
    readings_duplicate  int not null default 0,
    message             text,
    check ((finished_at is null) = (status = 'RUNNING'))
);
create index poll_run_channel_idx on poll_run (channel_id, started_at desc);
create index poll_run_schedule_idx on poll_run (channel_id, started_at desc) where trigger = 'SCHEDULE';

-- What a run did with each meter: read, or failed and why. A meter that does not answer is a row
-- here, never a silent gap.
create table poll_meter_outcome (
    run_id        bigint not null references poll_run (id) on delete cascade,
    meter_id      bigint not null references meter (id) on delete cascade,
    ok            boolean not null,
    -- how the meter was addressed, e.g. "primary address 5" or "secondary address 12345678B4092F04"
    addressed_by  text not null,
    values_read   int not null default 0,
    error         text,
    at            timestamptz not null,
    primary key (run_id, meter_id),
    check (ok = (error is null))
);
create index poll_meter_outcome_meter_idx on poll_meter_outcome (meter_id, at desc);

-- A poll or search the API was asked for: queued, running under the channel's lock, done or failed.
-- Kept in the database so that any instance behind a load balancer can report it.
create table channel_job (
    id                 bigint generated always as identity primary key,
    public_id          uuid not null unique default gen_random_uuid(),
    channel_id         bigint not null references acquisition_channel (id) on delete cascade,
    kind               text not null check (kind in ('POLL', 'SEARCH')),
    mode               text check (mode in ('SECONDARY', 'PRIMARY')),
    -- search parameters as given: the secondary mask, or the primary address range
    parameters         text,
    status             text not null default 'QUEUED' check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    requested_by       text not null,
    instance           text not null,
    run_id             bigint references poll_run (id) on delete set null,
    progress_done      int,
    progress_total     int,
    progress_fraction  numeric(5, 4) check (progress_fraction between 0 and 1),
    meters_found       int,
    message            text,
    error              text,
    created_at         timestamptz not null default clock_timestamp(),
    started_at         timestamptz,
    finished_at        timestamptz,
    check ((kind = 'SEARCH') = (mode is not null)),
    check ((status = 'FAILED') = (error is not null))
);
create index channel_job_channel_idx on channel_job (channel_id, created_at desc);
