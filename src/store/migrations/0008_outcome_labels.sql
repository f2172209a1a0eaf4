-- The four labels that notes carry, on every outcome: decisions, action items, questions
-- (and their answers), improvement suggestions, needs and their evidence. The shared
-- (participant) version of an export carries only what is labelled shareable.
--
-- Rows that exist before this migration become `internal`: they were written when
-- outcomes had no label, so nobody has said that they may go to suppliers. Internal
-- keeps them in the buyer team's version and out of every shared one, which leaks
-- nothing; `shareable` would send them to every participant, and the two stricter
-- labels would hide them from the buyer team too. The facilitator marks what may be
-- shared with `l`.
--
-- ALTER TABLE ADD COLUMN may add a NOT NULL column with a constant default and a CHECK,
-- so no table is rebuilt and nothing that references these tables is touched.

ALTER TABLE decisions ADD COLUMN confidentiality TEXT NOT NULL DEFAULT 'internal'
    CHECK (confidentiality IN ('shareable', 'internal', 'supplier_confidential', 'personal'));
ALTER TABLE action_items ADD COLUMN confidentiality TEXT NOT NULL DEFAULT 'internal'
    CHECK (confidentiality IN ('shareable', 'internal', 'supplier_confidential', 'personal'));
ALTER TABLE questions ADD COLUMN confidentiality TEXT NOT NULL DEFAULT 'internal'
    CHECK (confidentiality IN ('shareable', 'internal', 'supplier_confidential', 'personal'));
ALTER TABLE suggestions ADD COLUMN confidentiality TEXT NOT NULL DEFAULT 'internal'
    CHECK (confidentiality IN ('shareable', 'internal', 'supplier_confidential', 'personal'));
ALTER TABLE needs ADD COLUMN confidentiality TEXT NOT NULL DEFAULT 'internal'
    CHECK (confidentiality IN ('shareable', 'internal', 'supplier_confidential', 'personal'));
ALTER TABLE need_evidence ADD COLUMN confidentiality TEXT NOT NULL DEFAULT 'internal'
    CHECK (confidentiality IN ('shareable', 'internal', 'supplier_confidential', 'personal'));
