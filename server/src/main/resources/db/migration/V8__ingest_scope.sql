-- Meter identity per owner: each organisation keeps its own registry, so a concentrator of one company
-- can never match (and write into) another company's meter by naming its serial, and two companies may
-- both register a meter with the same serial. owner_org_id null is the administrators' registry.
alter table meter add column owner_org_id bigint references organisation (id);

-- Existing meters belong to the operator (service company, else management company) of the building they
-- are installed in now, else of the building whose channel found them; the rest stay the administrators'.
update meter m set owner_org_id = coalesce(
    (select coalesce(b.service_org_id, b.management_org_id)
       from meter_installation i join metering_point p on p.id = i.point_id join building b on b.id = p.building_id
      where i.meter_id = m.id order by i.removed_at is null desc, i.installed_at desc limit 1),
    (select coalesce(b.service_org_id, b.management_org_id)
       from acquisition_channel c join building b on b.id = c.building_id where c.id = m.channel_id));

-- the old index was global, so the new, narrower one holds for every existing row
drop index meter_identity_uq;
create unique index meter_identity_uq on meter (coalesce(owner_org_id, 0), coalesce(manufacturer, ''), serial);

-- A value for a register and time already stored with a different value: kept beside the rejections
-- with both values, never dropped as a duplicate.
alter table ingest_rejection add column kind text not null default 'REJECTED' check (kind in ('REJECTED', 'CONFLICT'));
alter table ingest_rejection add column stored_value numeric;
alter table ingest_rejection add column pushed_value numeric;
alter table ingest_rejection add check ((kind = 'CONFLICT') = (stored_value is not null and pushed_value is not null));
alter table ingest_push add column readings_conflicting int not null default 0 check (readings_conflicting >= 0);
