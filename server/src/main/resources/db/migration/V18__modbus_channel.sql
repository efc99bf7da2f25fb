-- Modbus channels (issue 16): a channel reaches meters with a Modbus module over Modbus TCP, RTU over
-- a TCP serial server, or RTU on a serial port of the server; the meters' values come from a
-- register map chosen by the meter's model, or the channel's map when its model names none.
alter table acquisition_channel drop constraint acquisition_channel_kind_check;
alter table acquisition_channel add constraint acquisition_channel_kind_check
    check (kind in ('SERIAL_PORT', 'TCP_GATEWAY', 'CONCENTRATOR', 'MODBUS'));
-- Modbus RTU runs up to 115200 baud; M-Bus channels are still held to their speeds by the API
alter table acquisition_channel drop constraint acquisition_channel_baud_check;
alter table acquisition_channel add constraint acquisition_channel_baud_check check (baud between 300 and 115200);
alter table acquisition_channel add column modbus_map text check (kind = 'MODBUS' or modbus_map is null);

-- One column for a meter's address on its channel's bus, whichever protocol the bus talks: the M-Bus
-- primary address (0–250) or the Modbus unit id (1–247, checked by the API against the channel's kind).
alter table meter rename column mbus_primary to bus_address;
comment on column meter.bus_address is
    'address on its channel''s bus: M-Bus primary address (0-250) or Modbus unit id (1-247) on a MODBUS channel';
