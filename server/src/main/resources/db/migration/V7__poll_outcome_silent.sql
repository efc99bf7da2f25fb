-- A meter that did not answer at all (silent) kept apart from one that answered wrongly or could not
-- be addressed: they call for different repairs (a cable, a dead battery, a wrong address, against a
-- faulty meter or a garbled line), so the acquisition page counts them separately.
alter table poll_meter_outcome add column silent boolean not null default false;
alter table poll_meter_outcome add constraint poll_meter_outcome_silent_check check (not (ok and silent));
