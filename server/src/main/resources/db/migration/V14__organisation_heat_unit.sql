-- The unit a management company's pages show heat in first (the other one second). Consumption stays computed
-- and stored in kWh; this is only how it is shown. Gcal by default: Russian heat bills are written in it.
-- The names are those of the server's HeatUnit, which reports take as their heatUnit too.
alter table organisation add column heat_unit text not null default 'GCAL'
    check (heat_unit in ('GCAL', 'KWH', 'GJ'));
