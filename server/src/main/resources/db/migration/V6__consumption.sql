-- Which register of the installed meter measures a point's resource. A point's consumption is the
-- difference of one cumulative register (function INSTANTANEOUS, storage 0 for current values and
-- storage 1 for the monthly due-date values) chosen by quantity, tariff and subunit; the unit is
-- chosen by the server (kWh before Gcal before kJ, see server/CONSUMPTION.md).
--
-- Defaults follow the resource: HEAT and ELECTRICITY measure ENERGY, waters and GAS measure VOLUME,
-- all on tariff 0 and subunit 0. The exception that needs the columns: a Danfoss heat meter with a
-- pulse-input module counts the flat's cold water on subunit 1 and hot water on subunit 2, so a
-- COLD_WATER point fed by such a meter says subunit = 1.

alter table metering_point
    add column quantity text,
    add column tariff   int not null default 0 check (tariff >= 0),
    add column subunit  int not null default 0 check (subunit >= 0);

create function metering_point_default_quantity(resource text) returns text
    language sql immutable as $$
    select case resource when 'HEAT' then 'ENERGY' when 'ELECTRICITY' then 'ENERGY' else 'VOLUME' end
$$;

update metering_point set quantity = metering_point_default_quantity(resource);
alter table metering_point alter column quantity set not null;
-- only registers that count up can give consumption as a difference
alter table metering_point add constraint metering_point_quantity_check
    check (quantity in ('ENERGY', 'VOLUME', 'MASS', 'REACTIVE_ENERGY', 'APPARENT_ENERGY', 'HCA_UNITS'));

-- A column default cannot read another column, so the resource's default quantity is filled in by a
-- trigger: on insert when none is given, and when the resource changes while the quantity does not
-- (the old quantity belonged to the old resource).
create function metering_point_fill_quantity() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' and new.quantity is null then
        new.quantity := metering_point_default_quantity(new.resource);
    elsif tg_op = 'UPDATE' and new.resource is distinct from old.resource
            and new.quantity is not distinct from old.quantity then
        new.quantity := metering_point_default_quantity(new.resource);
    end if;
    return new;
end $$;

create trigger metering_point_quantity before insert or update of resource, quantity on metering_point
    for each row execute function metering_point_fill_quantity();


-- A Danfoss heat meter with a pulse-input module measures a flat's heat, cold water and hot water at
-- once: one meter at three points, each reading its own register. V1 allowed a meter at one point at a
-- time; the rule that matters is that one register does not count for two points at once.
alter table meter_installation drop constraint meter_installation_meter_no_overlap;

create function meter_installation_register_once() returns trigger language plpgsql as $$
declare
    clash record;
begin
    -- one meter's installations are checked one transaction at a time, or two could pass together
    perform pg_advisory_xact_lock(hashtext('meter_installation'), (new.meter_id % 2147483647)::int);
    select other.point_id, np.quantity, np.tariff, np.subunit into clash
    from meter_installation other
    join metering_point op on op.id = other.point_id
    join metering_point np on np.id = new.point_id
    where other.meter_id = new.meter_id and other.id <> new.id
      and tstzrange(other.installed_at, other.removed_at) && tstzrange(new.installed_at, new.removed_at)
      and op.quantity = np.quantity and op.tariff = np.tariff and op.subunit = np.subunit
    limit 1;
    if found then
        raise exception using errcode = 'exclusion_violation',
            message = format('meter %s is already installed at point %s with the same register (quantity %s, tariff %s, subunit %s) at that time',
                             new.meter_id, clash.point_id, clash.quantity, clash.tariff, clash.subunit);
    end if;
    return new;
end $$;

create trigger meter_installation_register_once before insert or update on meter_installation
    for each row execute function meter_installation_register_once();
