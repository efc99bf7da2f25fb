-- Alarms (нештатные ситуации): one row per occurrence of a rule's condition at an object, from raised through
-- acknowledged to cleared (org.openamr.server.alarm.Alarm). While one is open there is no second of the same rule
-- and object (the partial unique index), so that a condition is one alarm, not one per reading; cleared ones are
-- the history.

-- Whether someone lives in a premise: only then is a premise without consumption worth an alarm.
alter table premise add column occupied boolean not null default false;

create table alarm (
    id                   bigint generated always as identity primary key,
    public_id            uuid not null unique default gen_random_uuid(),
    rule                 text not null,
    severity             text not null check (severity in ('CRITICAL', 'WARNING', 'INFO')),
    object_kind          text not null check (object_kind in ('METER', 'POINT', 'PREMISE', 'BUILDING', 'CHANNEL',
                                                              'COLLECTOR')),
    object_id            uuid not null,
    -- where the object is, for access and filters: its building (null for a channel of no building, which only
    -- administrators see) and premise (null for building-level objects and channels)
    building_id          bigint references building (id) on delete cascade,
    premise_id           bigint references premise (id) on delete cascade,
    -- the channel the object is read through: one message names a channel gone silent with its meters
    channel_id           bigint references acquisition_channel (id) on delete set null,
    -- what the alarm is about in words (address, apartment, meter serial), fixed when raised for the journal
    object_label         text not null,
    raised_at            timestamptz not null,
    raised_evidence_at   timestamptz,
    raised_detail        text not null,
    raised_readings      jsonb not null default '[]',
    acknowledged_at      timestamptz,
    -- the user's name as the journal shows it, and their public id
    acknowledged_by      text,
    acknowledged_by_id   uuid,
    acknowledged_comment text,
    cleared_at           timestamptz,
    cleared_evidence_at  timestamptz,
    cleared_detail       text,
    cleared_readings     jsonb,
    check ((acknowledged_at is null) = (acknowledged_by is null)),
    check ((cleared_at is null) = (cleared_detail is null)),
    check (cleared_at is null or cleared_at >= raised_at)
);
create unique index alarm_open_uq on alarm (rule, object_kind, object_id) where cleared_at is null;
create index alarm_building_idx on alarm (building_id, raised_at desc);
create index alarm_premise_idx on alarm (premise_id) where premise_id is not null;
create index alarm_raised_idx on alarm (raised_at desc);
create trigger alarm_audit after insert or update or delete on alarm for each row execute function audit_row();

-- Every change of an alarm in order (an outbox): notifications are sent from here, each change once.
create table alarm_change (
    id          bigint generated always as identity primary key,
    alarm_id    bigint not null references alarm (id) on delete cascade,
    change      text not null check (change in ('RAISED', 'ACKNOWLEDGED', 'CLEARED')),
    at          timestamptz not null default now()
);
create index alarm_change_alarm_idx on alarm_change (alarm_id);

-- written by a trigger, so that no code path that changes an alarm can forget its notification
create function alarm_change_row() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into alarm_change (alarm_id, change, at) values (new.id, 'RAISED', new.raised_at);
        if new.cleared_at is not null then
            insert into alarm_change (alarm_id, change, at) values (new.id, 'CLEARED', new.cleared_at);
        end if;
        return null;
    end if;
    if old.acknowledged_at is null and new.acknowledged_at is not null then
        insert into alarm_change (alarm_id, change, at) values (new.id, 'ACKNOWLEDGED', new.acknowledged_at);
    end if;
    if old.cleared_at is null and new.cleared_at is not null then
        insert into alarm_change (alarm_id, change, at) values (new.id, 'CLEARED', new.cleared_at);
    end if;
    return null;
end $$;
create trigger alarm_change_outbox after insert or update on alarm for each row execute function alarm_change_row();

-- Rule parameters as JSON of the rule's Parameters record: a default per rule (resource null) or per rule and
-- resource, overridden for a building and for a point; the most specific row wins. A rule without a row uses the
-- defaults in its code.
create table alarm_rule_setting (
    id           bigint generated always as identity primary key,
    rule         text not null,
    resource     text check (resource in ('HEAT', 'COLD_WATER', 'HOT_WATER', 'ELECTRICITY', 'GAS')),
    building_id  bigint references building (id) on delete cascade,
    point_id     bigint references metering_point (id) on delete cascade,
    enabled      boolean not null default true,
    parameters   jsonb not null default '{}',
    updated_at   timestamptz not null default now(),
    check (building_id is null or point_id is null)
);
create unique index alarm_rule_setting_uq
    on alarm_rule_setting (rule, coalesce(resource, ''), coalesce(building_id, 0), coalesce(point_id, 0));
create trigger alarm_rule_setting_audit after insert or update or delete on alarm_rule_setting
    for each row execute function audit_row();
