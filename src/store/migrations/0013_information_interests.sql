-- Equal treatment made visible (issue 13, parts 2, 4 and 5).
--
-- 1. The information log (lämnad information): everything given to a supplier — in a
--    meeting, by mail, as an answer to a question, as a document — with the day, the
--    organisations that received it, and when and where it was made available to every
--    supplier (`shared_on`, `shared_channel`). An entry with no `shared_on` is one that
--    only some have. Its origin is a meeting or free text (`origin`).
-- 2. Interests and prior involvement (jäv, förhandsinblandning, art. 41 LOU-direktivet):
--    per person or organisation per project, what was declared and the measures taken.
-- 3. The registration of a meeting's documentation in the case (diarieförd, with its
--    document number), kept apart from the notes status ("sent").
--
-- The rows carry UUIDs, a version that a trigger moves on with each change (0007) and
-- a trash (deleted_at). Search follows them like the kinds of 0011 (codes 14 and 15,
-- `domain::search::SEARCH_KINDS`), through a source view and refresh trigger of their
-- own: 0011's view stays as it is, so that another migration may extend it too, and
-- `check` compares the index with both views.

CREATE TABLE information_items (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid            TEXT NOT NULL UNIQUE,
    project_id      INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    channel         TEXT NOT NULL CHECK (channel IN ('meeting', 'mail', 'answer',
                        'document', 'other')),
    meeting_id      INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
    origin          TEXT NOT NULL DEFAULT '',
    given_on        TEXT NOT NULL CHECK (given_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    title           TEXT NOT NULL CHECK (length(trim(title)) > 0),
    details         TEXT NOT NULL DEFAULT '',
    shared_on       TEXT CHECK (shared_on IS NULL
                        OR shared_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    shared_channel  TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    deleted_at      TEXT,
    version         INTEGER NOT NULL DEFAULT 1,
    -- Made available to all means saying where.
    CHECK (shared_on IS NULL OR length(trim(shared_channel)) > 0)
);
CREATE INDEX information_items_project ON information_items(project_id, given_on);
CREATE INDEX information_items_meeting ON information_items(meeting_id);
CREATE TRIGGER information_items_version AFTER UPDATE ON information_items
    WHEN NEW.version = OLD.version
BEGIN
    UPDATE information_items SET version = OLD.version + 1 WHERE id = NEW.id;
END;

-- Who was given an entry. Part of the entry: saved with it, and a change of recipients
-- is a change of the entry (its version moves on).
CREATE TABLE information_recipients (
    item_id          INTEGER NOT NULL REFERENCES information_items(id) ON DELETE CASCADE,
    organisation_id  INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    PRIMARY KEY (item_id, organisation_id)
) WITHOUT ROWID;
CREATE INDEX information_recipients_organisation ON information_recipients(organisation_id);

CREATE TABLE interests (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid             TEXT NOT NULL UNIQUE,
    project_id       INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    organisation_id  INTEGER REFERENCES organisations(id) ON DELETE CASCADE,
    person_id        INTEGER REFERENCES people(id) ON DELETE CASCADE,
    kind             TEXT NOT NULL CHECK (kind IN ('declared_interest', 'prior_involvement')),
    description      TEXT NOT NULL CHECK (length(trim(description)) > 0),
    measures         TEXT NOT NULL DEFAULT '',
    declared_on      TEXT CHECK (declared_on IS NULL
                         OR declared_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    deleted_at       TEXT,
    version          INTEGER NOT NULL DEFAULT 1,
    CHECK (organisation_id IS NOT NULL OR person_id IS NOT NULL)
);
CREATE INDEX interests_project ON interests(project_id);
CREATE INDEX interests_organisation ON interests(organisation_id);
CREATE INDEX interests_person ON interests(person_id);
CREATE TRIGGER interests_version AFTER UPDATE ON interests WHEN NEW.version = OLD.version
BEGIN
    UPDATE interests SET version = OLD.version + 1 WHERE id = NEW.id;
END;

-- One registration per meeting: the document number in the case and the day.
CREATE TABLE meeting_registrations (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid             TEXT NOT NULL UNIQUE,
    meeting_id       INTEGER NOT NULL UNIQUE REFERENCES meetings(id) ON DELETE CASCADE,
    document_number  TEXT NOT NULL CHECK (length(trim(document_number)) > 0),
    registered_on    TEXT NOT NULL CHECK (registered_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);

-- ----- search ----------------------------------------------------------------------

CREATE VIEW search_source_0013 (code, id, title, body) AS
    SELECT 14, t.id, t.title, concat_ws(' ', t.details, t.origin, t.shared_channel)
    FROM information_items t JOIN projects p ON p.id = t.project_id
    WHERE t.deleted_at IS NULL AND p.deleted_at IS NULL
    UNION ALL
    SELECT 15, t.id, t.description, t.measures
    FROM interests t JOIN projects p ON p.id = t.project_id
    WHERE t.deleted_at IS NULL AND p.deleted_at IS NULL;

CREATE VIEW search_refresh_0013 (code, id) AS SELECT 0, 0 WHERE 0;

CREATE TRIGGER search_refresh_0013_row INSTEAD OF INSERT ON search_refresh_0013
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

CREATE TRIGGER information_items_search_insert AFTER INSERT ON information_items
BEGIN
    INSERT INTO search_refresh_0013 VALUES (14, NEW.id);
END;
CREATE TRIGGER information_items_search_update AFTER UPDATE OF title, details, origin,
    shared_channel, project_id, deleted_at ON information_items
BEGIN
    INSERT INTO search_refresh_0013 VALUES (14, NEW.id);
END;
CREATE TRIGGER information_items_search_delete AFTER DELETE ON information_items
BEGIN
    INSERT INTO search_refresh_0013 VALUES (14, OLD.id);
END;

CREATE TRIGGER interests_search_insert AFTER INSERT ON interests
BEGIN
    INSERT INTO search_refresh_0013 VALUES (15, NEW.id);
END;
CREATE TRIGGER interests_search_update AFTER UPDATE OF description, measures, project_id,
    deleted_at ON interests
BEGIN
    INSERT INTO search_refresh_0013 VALUES (15, NEW.id);
END;
CREATE TRIGGER interests_search_delete AFTER DELETE ON interests
BEGIN
    INSERT INTO search_refresh_0013 VALUES (15, OLD.id);
END;

-- A project's trash or restore hides or shows its entries too.
CREATE TRIGGER projects_search_trash_0013 AFTER UPDATE OF deleted_at ON projects
    WHEN (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL)
BEGIN
    INSERT INTO search_refresh_0013 SELECT 14, id FROM information_items
        WHERE project_id = NEW.id;
    INSERT INTO search_refresh_0013 SELECT 15, id FROM interests WHERE project_id = NEW.id;
END;
