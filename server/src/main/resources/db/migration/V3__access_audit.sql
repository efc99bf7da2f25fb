create table app_user (
    id               bigint generated always as identity primary key,
    public_id        uuid not null unique default gen_random_uuid(),
    username         text not null unique check (username ~ '^[A-Za-z0-9._@-]{3,64}$'),
    password_hash    text not null,
    display_name     text not null default '',
    role             text not null check (role in ('ADMIN', 'OPERATOR', 'MANAGER', 'RESIDENT')),
    organisation_id  bigint references organisation (id),
    premise_id       bigint references premise (id),
    enabled          boolean not null default true,
    created_at       timestamptz not null default now(),
    check ((role in ('OPERATOR', 'MANAGER')) = (organisation_id is not null)),
    check ((role = 'RESIDENT') = (premise_id is not null))
);

-- API tokens for other systems: only a SHA-256 of the token is kept.
create table api_token (
    id            bigint generated always as identity primary key,
    public_id     uuid not null unique default gen_random_uuid(),
    user_id       bigint not null references app_user (id) on delete cascade,
    name          text not null,
    token_hash    bytea not null unique,
    created_at    timestamptz not null default now(),
    expires_at    timestamptz,
    last_used_at  timestamptz
);

-- Every change to the registry and to readings, written by triggers so that no code path can
-- forget it. The actor is what the application set for the transaction (openamr.actor).
create table audit_log (
    id          bigint generated always as identity primary key,
    at          timestamptz not null default now(),
    actor       text not null,
    action      text not null,
    entity      text not null,
    entity_id   text,
    before      jsonb,
    after       jsonb
);
create index audit_log_entity_idx on audit_log (entity, entity_id);

create function audit_row() returns trigger language plpgsql as $$
declare
    actor text := coalesce(nullif(current_setting('openamr.actor', true), ''), 'system:' || current_user);
    old_row jsonb := case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) end;
    new_row jsonb := case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) end;
begin
    -- secrets never reach the audit log, not even as hashes
    old_row := old_row - 'password_hash' - 'token_hash' - 'key_sealed';
    new_row := new_row - 'password_hash' - 'token_hash' - 'key_sealed';
    -- bookkeeping (a token used, a meter heard) is not a change of the registry
    if tg_op = 'UPDATE' and old_row - 'last_used_at' - 'last_seen_at' - 'first_seen_at'
                          = new_row - 'last_used_at' - 'last_seen_at' - 'first_seen_at' then
        return null;
    end if;
    insert into audit_log (actor, action, entity, entity_id, before, after)
    values (actor, tg_op, tg_table_name, coalesce(new_row ->> 'id', old_row ->> 'id'), old_row, new_row);
    return null;
end $$;

create function audit_statement() returns trigger language plpgsql as $$
declare
    actor text := coalesce(nullif(current_setting('openamr.actor', true), ''), 'system:' || current_user);
begin
    insert into audit_log (actor, action, entity, entity_id, before, after)
    values (actor, tg_op, tg_table_name, null, null, null);
    return null;
end $$;

do $$
declare t text;
begin
    foreach t in array array['organisation', 'building', 'entrance', 'premise', 'metering_point',
                             'acquisition_channel', 'meter', 'meter_installation', 'app_user', 'api_token']
    loop
        execute format('create trigger %I_audit after insert or update or delete on %I
                        for each row execute function audit_row()', t, t);
    end loop;
end $$;

-- Readings arrive by the hundred thousand: inserts are audited per statement (who wrote a batch and
-- when; the batch itself is the rows), every correction or deletion row by row.
create trigger reading_insert_audit after insert on reading for each statement execute function audit_statement();
create trigger reading_change_audit after update or delete on reading for each row execute function audit_row();

-- ShedLock: which server instance holds which channel's poll
create table shedlock (
    name        varchar(64) not null primary key,
    lock_until  timestamp not null,
    locked_at   timestamp not null,
    locked_by   varchar(255) not null
);
