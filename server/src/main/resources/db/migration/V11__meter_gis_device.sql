-- A meter's device identifier in ГИС ЖКХ (the state housing information system): the GUID the system gave the
-- metering device, by which a readings export names it. Optional: a meter not yet registered there has none.
-- A uuid column, so that nothing but a well-formed GUID can be stored.
alter table meter add column gis_device_guid uuid;

-- One device per GUID: two meters with one GUID would send one device's readings to ГИС ЖКХ twice (or one
-- meter's readings under another's name). Across all registries: ГИС ЖКХ gives each device its own GUID.
create unique index meter_gis_device_guid_uq on meter (gis_device_guid) where gis_device_guid is not null;
