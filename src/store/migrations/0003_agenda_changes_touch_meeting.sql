-- A meeting's agenda is part of the meeting: calendar exports carry it in the event's
-- description, so any change to an agenda block (added, edited, moved, trashed or
-- restored) moves the meeting's updated_at, from which the event's SEQUENCE and
-- LAST-MODIFIED are derived. The store stamps agenda rows with its (injectable) clock;
-- the triggers carry that stamp over, never the database's own clock.

CREATE TRIGGER agenda_insert_touches_meeting AFTER INSERT ON agenda_items
BEGIN
    UPDATE meetings SET updated_at = NEW.updated_at
    WHERE id = NEW.meeting_id AND updated_at < NEW.updated_at;
END;

CREATE TRIGGER agenda_update_touches_meeting AFTER UPDATE ON agenda_items
BEGIN
    UPDATE meetings SET updated_at = NEW.updated_at
    WHERE id = NEW.meeting_id AND updated_at < NEW.updated_at;
END;
