-- Scheduled reports: a user's subscription (what, for which scope, which period, how often, to whom) and each run
-- of it. A run is keyed by its subscription and the cron slot it is for, so that two server instances meeting the
-- same slot create one run; an instance claims a run with FOR UPDATE SKIP LOCKED, so that one of them sends it.

create table report_subscription (
    id              bigint generated always as identity primary key,
    public_id       uuid not null unique default gen_random_uuid(),
    -- reports are made with the owner's rights: what the owner may not see, the e-mail does not carry
    owner_id        bigint not null references app_user (id) on delete cascade,
    name            text not null check (length(trim(name)) between 1 and 200),
    kind            text not null,
    -- a building, entrance or premise; null for everything the owner sees
    scope_id        uuid,
    period_rule     text not null check (period_rule in ('PREVIOUS_MONTH', 'MONTH_TO_DATE', 'LAST_DAYS')),
    last_days       int check (last_days between 1 and 366),
    formats         text[] not null check (cardinality(formats) between 1 and 5),
    heat_unit       text not null default 'GCAL',
    lang            text not null default 'ru' check (lang in ('ru', 'en')),
    -- Spring cron (second minute hour day month weekday) in time_zone: "0 0 8 23 * *" is the 23rd at 08:00
    cron            text not null,
    time_zone       text not null default 'Europe/Moscow',
    recipients      text[] not null check (cardinality(recipients) between 1 and 50),
    enabled         boolean not null default true,
    -- the last cron slot a run was created for (creation time before the first)
    last_slot_at    timestamptz not null default now(),
    created_at      timestamptz not null default now(),
    check (period_rule <> 'LAST_DAYS' or last_days is not null)
);
create index report_subscription_owner_idx on report_subscription (owner_id);

create table report_run (
    id              bigint generated always as identity primary key,
    public_id       uuid not null unique default gen_random_uuid(),
    subscription_id bigint not null references report_subscription (id) on delete cascade,
    -- the cron slot, or the moment "send now" was pressed
    slot_at         timestamptz not null,
    trigger         text not null check (trigger in ('SCHEDULE', 'MANUAL')),
    requested_by    text not null,
    status          text not null check (status in ('PENDING', 'SENDING', 'SENT', 'RETRYING', 'FAILED')),
    attempts        int not null default 0,
    next_attempt_at timestamptz not null default now(),
    started_at      timestamptz,
    finished_at     timestamptz,
    instance        text,
    -- the SMTP server's answer or the report's refusal, as the history shows it
    error           text,
    -- what was sent: file names and sizes, or the download link's expiry
    delivered       text,
    created_at      timestamptz not null default now(),
    unique (subscription_id, slot_at)
);
create index report_run_due_idx on report_run (next_attempt_at) where status in ('PENDING', 'RETRYING');

-- Files too large for e-mail wait here for their link (only the token's hash is stored) until they expire.
create table report_download (
    token_hash      bytea primary key,
    run_id          bigint references report_run (id) on delete cascade,
    file_name       text not null,
    media_type      text not null,
    content         bytea not null,
    expires_at      timestamptz not null,
    created_at      timestamptz not null default now()
);

-- Who changed a subscription is audited like the registry; the scheduler's bookkeeping (last_slot_at) is not a change.
create trigger report_subscription_audit after insert or delete
    or update of owner_id, name, kind, scope_id, period_rule, last_days, formats, heat_unit, lang, cron, time_zone,
                 recipients, enabled
    on report_subscription for each row execute function audit_row();
