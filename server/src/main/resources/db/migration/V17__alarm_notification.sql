-- Alarm notifications (org.openamr.server.alarm.notify): a user's subscription (which alarms, how, when), the
-- messages made for it from the alarm_change outbox, and each try to deliver them.

-- Which transaction wrote a change. The dispatcher reads the outbox up to the oldest transaction still running
-- (pg_snapshot_xmin): every change of an older transaction is committed or gone by then, so a cursor on it never
-- skips a change that commits late. An id cursor would: ids are taken at insert, not at commit. The default fills
-- it for every writer without naming it.
alter table alarm_change add column tx xid8 not null default pg_current_xact_id();
create index alarm_change_tx_idx on alarm_change (tx);

create table alarm_subscription (
    id                 bigint generated always as identity primary key,
    public_id          uuid not null unique default gen_random_uuid(),
    -- alarms are filtered with the owner's rights when each message is made: what the owner may not see, no
    -- message carries
    owner_id           bigint not null references app_user (id) on delete cascade,
    name               text not null check (length(trim(name)) between 1 and 200),
    -- only this building's alarms; null for every building the owner sees. A subscription to a building that is
    -- deleted goes with it rather than widening to everything
    building_id        bigint references building (id) on delete cascade,
    min_severity       text not null default 'WARNING' check (min_severity in ('CRITICAL', 'WARNING', 'INFO')),
    -- RuleKind names; empty for every kind
    kinds              text[] not null default '{}',
    notify_cleared     boolean not null default false,
    recipients         text[] not null default '{}' check (cardinality(recipients) <= 50),
    webhook_url        text check (webhook_url ~ '^https?://' and length(webhook_url) <= 2000),
    -- the webhook's HMAC key sealed by SecretBox; named like meter.key_sealed so that audit_row() leaves it out
    key_sealed         bytea,
    -- when the key was set: the audit log shows a new key by this, never the key
    key_set_at         timestamptz,
    -- quiet hours in time_zone (overnight when quiet_from > quiet_to): messages wait until they end
    quiet_from         time,
    quiet_to           time,
    time_zone          text not null default 'Europe/Moscow',
    -- 0: a message as soon as changes are seen; N: at most one message per N minutes, with everything since
    digest_minutes     int not null default 0 check (digest_minutes between 0 and 1440),
    lang               text not null default 'ru' check (lang in ('ru', 'en')),
    enabled            boolean not null default true,
    -- the cursor: every alarm_change with tx below this was handled (dispatcher's bookkeeping, not audited)
    handled_below      xid8 not null default pg_snapshot_xmin(pg_current_snapshot()),
    last_message_at    timestamptz,
    created_at         timestamptz not null default now(),
    check (cardinality(recipients) > 0 or webhook_url is not null),
    check ((webhook_url is null) = (key_sealed is null)),
    check ((quiet_from is null) = (quiet_to is null) and (quiet_from is null or quiet_from <> quiet_to))
);
create index alarm_subscription_owner_idx on alarm_subscription (owner_id);

create trigger alarm_subscription_audit after insert or delete
    or update of owner_id, name, building_id, min_severity, kinds, notify_cleared, recipients, webhook_url, key_set_at,
                 quiet_from, quiet_to, time_zone, digest_minutes, lang, enabled
    on alarm_subscription for each row execute function audit_row();

-- One message of a subscription by one channel: its text (e-mail) or JSON body (webhook) is fixed when it is made,
-- so that every try sends the same bytes. Tries are claimed by moving next_attempt_at on (a lease) with
-- FOR UPDATE SKIP LOCKED, so that of several server instances one sends it, and another takes over after the lease
-- if that one died.
create table alarm_delivery (
    id               bigint generated always as identity primary key,
    public_id        uuid not null unique,
    subscription_id  bigint not null references alarm_subscription (id) on delete cascade,
    channel          text not null check (channel in ('EMAIL', 'WEBHOOK')),
    status           text not null check (status in ('PENDING', 'SENT', 'RETRYING', 'FAILED')),
    attempts         int not null default 0,
    next_attempt_at  timestamptz not null default now(),
    -- how many alarm changes the message carries (a group of 300 silent meters counts 300)
    alarm_count      int not null check (alarm_count > 0),
    subject          text,
    body             text not null,
    -- the last try's problem: the SMTP server's words, or the webhook's status and answer (truncated)
    error            text,
    created_at       timestamptz not null default now(),
    sent_at          timestamptz
);
create index alarm_delivery_due_idx on alarm_delivery (next_attempt_at) where status in ('PENDING', 'RETRYING');
create index alarm_delivery_subscription_idx on alarm_delivery (subscription_id, created_at desc);

create table alarm_delivery_attempt (
    id            bigint generated always as identity primary key,
    delivery_id   bigint not null references alarm_delivery (id) on delete cascade,
    attempt       int not null,
    at            timestamptz not null default now(),
    ok            boolean not null,
    -- a webhook's HTTP status; null for e-mail and for a connection that failed
    http_status   int,
    -- the webhook's answer or the failure, truncated
    answer        text,
    instance      text
);
create index alarm_delivery_attempt_delivery_idx on alarm_delivery_attempt (delivery_id, attempt);
