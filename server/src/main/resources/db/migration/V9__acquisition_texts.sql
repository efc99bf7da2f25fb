-- The texts the server writes about acquisition as a kind with arguments (JSON, see Text.java), so that
-- the pages say them in the reader's language; the English columns stay what the API shows. Rows written
-- before have none and are shown in English.
alter table channel_job add column message_text text, add column error_text text;
alter table poll_run add column message_text text;
alter table poll_meter_outcome add column error_text text;
