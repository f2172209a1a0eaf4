-- The agenda and week view (store/agenda_window.rs) first read every live meeting of
-- the days shown light: its place in time and the columns a reader parses (so that a
-- row that cannot be read is known without reading it all). This index holds all of
-- them, in the order shown (start, then id: no sort), and `deleted_at` too, so that
-- SQLite reads it alone and never the table, whose rows (titles, purposes) are large.
-- Only then are the rows around the cursor read whole, by id.
CREATE INDEX IF NOT EXISTS meetings_agenda
    ON meetings(start_at, id, end_at, status, kind, format, notes_status, project_id,
        deleted_at)
    WHERE deleted_at IS NULL;
