-- A cancelled meeting remembers the status it had, so that reinstating it gives back
-- "held" rather than "planned" (history is never rewritten by one key).
ALTER TABLE meetings ADD COLUMN status_before_cancel TEXT
    CHECK (status_before_cancel IS NULL OR status_before_cancel IN ('planned', 'held'));
