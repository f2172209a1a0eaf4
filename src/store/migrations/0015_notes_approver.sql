-- Who approved the meeting notes (justerare), issue 14 part 2: the name given when the
-- notes status moved to "approved", kept with that status change. NULL where no name
-- was given (every change before this migration, and the other statuses); a name is
-- never blank.
ALTER TABLE notes_status_changes ADD COLUMN by_name TEXT
    CHECK (by_name IS NULL OR length(trim(by_name)) > 0);
