-- Paged lists (store/action_pages.rs): the actions screen reads one page at a time in
-- the order it shows (open before closed, dated before undated, by due date, then id).
-- The order's parts are virtual generated columns, computed when read and never
-- stored, because SQLite seeks an index on a row-value comparison of columns
-- (`(page_closed, page_undated, page_due, id) > (?, ?, ?, ?)`) but walks it from the
-- start on one of expressions: a deep page then costs the same as the first.
-- `PRAGMA table_info` leaves generated columns out, so bundles and `tidig check`
-- do not see them.
ALTER TABLE action_items ADD COLUMN page_closed INTEGER
    GENERATED ALWAYS AS (status NOT IN ('open', 'in_progress')) VIRTUAL;
ALTER TABLE action_items ADD COLUMN page_undated INTEGER
    GENERATED ALWAYS AS (due_date IS NULL AND status IN ('open', 'in_progress')) VIRTUAL;
ALTER TABLE action_items ADD COLUMN page_due TEXT
    GENERATED ALWAYS AS (coalesce(due_date, '')) VIRTUAL;
CREATE INDEX action_items_page ON action_items(page_closed, page_undated, page_due, id)
    WHERE deleted_at IS NULL;
