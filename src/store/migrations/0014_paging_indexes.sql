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

-- ----- search: indexing deferred during a large import -----------------------------
-- Row by row, every insert of a large import asks FTS5 to drop and re-add one
-- document, out of rowid order (kinds are the rowids' high bits), which splits the
-- index into many small segments that are merged again and again: the large demo took
-- six times longer to load. While `search_paused` has a row, a refresh only notes the
-- row in `search_pending`; `Store::resume_search` then indexes all of them in a few
-- statements, in rowid order, from the same views (store/search.rs). What is indexed
-- does not change, only when.
CREATE TABLE search_paused (paused INTEGER NOT NULL);
CREATE TABLE search_pending (
    code INTEGER NOT NULL,
    id   INTEGER NOT NULL,
    PRIMARY KEY (code, id)
) WITHOUT ROWID;

DROP TRIGGER search_refresh_row;
CREATE TRIGGER search_refresh_row INSTEAD OF INSERT ON search_refresh
WHEN NOT EXISTS (SELECT 1 FROM search_paused)
BEGIN
    DELETE FROM search WHERE rowid = (NEW.code << 40) | NEW.id;
    DELETE FROM search_exact WHERE rowid = (NEW.code << 40) | NEW.id;
    INSERT INTO search (rowid, title, body)
        SELECT (code << 40) | id, title, body FROM search_source
        WHERE code = NEW.code AND id = NEW.id;
    INSERT INTO search_exact (rowid, title, body)
        SELECT (code << 40) | id, title, body FROM search_source
        WHERE code = NEW.code AND id = NEW.id;
END;
CREATE TRIGGER search_refresh_deferred INSTEAD OF INSERT ON search_refresh
WHEN EXISTS (SELECT 1 FROM search_paused)
BEGIN
    INSERT OR IGNORE INTO search_pending VALUES (NEW.code, NEW.id);
END;

DROP TRIGGER search_refresh_0013_row;
CREATE TRIGGER search_refresh_0013_row INSTEAD OF INSERT ON search_refresh_0013
WHEN NOT EXISTS (SELECT 1 FROM search_paused)
BEGIN
    DELETE FROM search WHERE rowid = (NEW.code << 40) | NEW.id;
    DELETE FROM search_exact WHERE rowid = (NEW.code << 40) | NEW.id;
    INSERT INTO search (rowid, title, body)
        SELECT (code << 40) | id, title, body FROM search_source_0013
        WHERE code = NEW.code AND id = NEW.id;
    INSERT INTO search_exact (rowid, title, body)
        SELECT (code << 40) | id, title, body FROM search_source_0013
        WHERE code = NEW.code AND id = NEW.id;
END;
CREATE TRIGGER search_refresh_0013_deferred INSTEAD OF INSERT ON search_refresh_0013
WHEN EXISTS (SELECT 1 FROM search_paused)
BEGIN
    INSERT OR IGNORE INTO search_pending VALUES (NEW.code, NEW.id);
END;
