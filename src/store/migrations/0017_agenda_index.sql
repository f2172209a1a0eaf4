-- The agenda and week view (store/agenda_window.rs) first read every live meeting of
-- the days shown light: its place in time and the columns a reader parses (so that a
-- row that cannot be read is known without reading it all). This index holds all of
-- them: that read never touches the table, whose rows (titles, purposes) are large.
-- Only then are the rows around the cursor read whole.
CREATE INDEX meetings_agenda
    ON meetings(start_at, end_at, status, kind, format, notes_status, project_id)
    WHERE deleted_at IS NULL;
