-- A premise's personal account (лицевой счёт): the number its management company bills it under, as
-- "1234567890", "01-234/5" or "ЛС-0012". Optional: many registers do not give it. Digits, Latin and
-- Cyrillic letters, '-' and '/' only, so that no space or look-alike punctuation makes one account two
-- (Premise.PERSONAL_ACCOUNT is the same rule for the API and the register import).
alter table premise add column personal_account text
    constraint premise_personal_account_check check (personal_account ~ '^[0-9A-Za-zА-Яа-яЁё/-]{1,30}$');

-- Two premises of one building never share an account: a statement listing apartments by account would
-- otherwise bill one apartment's consumption twice. Buildings are apart: accounts are numbered per company,
-- and two companies may use the same number.
create unique index premise_personal_account_uq on premise (building_id, personal_account)
    where personal_account is not null;
