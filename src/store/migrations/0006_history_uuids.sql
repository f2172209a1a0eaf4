-- The history tables get UUIDs like every other table, so that a bundle can carry them
-- and an import can tell a row it already has from a new one.
-- Each table is rebuilt (rather than given a column by ALTER TABLE) so that `uuid` is
-- NOT NULL UNIQUE as everywhere else: ALTER TABLE cannot add a NOT NULL column without
-- a default. Existing rows get random version-4 UUIDs. Nothing references these tables.

CREATE TABLE need_status_changes_new (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    need_id     INTEGER NOT NULL REFERENCES needs(id) ON DELETE CASCADE,
    from_status TEXT,
    to_status   TEXT NOT NULL,
    reason      TEXT NOT NULL DEFAULT '',
    changed_at  TEXT NOT NULL
);
INSERT INTO need_status_changes_new (id, uuid, need_id, from_status, to_status, reason, changed_at)
    SELECT id, lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4'
               || substr(hex(randomblob(2)), 2) || '-'
               || substr('89ab', 1 + abs(random() % 4), 1) || substr(hex(randomblob(2)), 2)
               || '-' || hex(randomblob(6))),
           need_id, from_status, to_status, reason, changed_at
    FROM need_status_changes;
DROP TABLE need_status_changes;
ALTER TABLE need_status_changes_new RENAME TO need_status_changes;
CREATE INDEX need_status_changes_need ON need_status_changes(need_id, changed_at);

CREATE TABLE notes_status_changes_new (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    meeting_id  INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    status      TEXT NOT NULL CHECK (status IN ('none', 'working', 'draft', 'approved', 'sent')),
    changed_at  TEXT NOT NULL
);
INSERT INTO notes_status_changes_new (id, uuid, meeting_id, status, changed_at)
    SELECT id, lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4'
               || substr(hex(randomblob(2)), 2) || '-'
               || substr('89ab', 1 + abs(random() % 4), 1) || substr(hex(randomblob(2)), 2)
               || '-' || hex(randomblob(6))),
           meeting_id, status, changed_at
    FROM notes_status_changes;
DROP TABLE notes_status_changes;
ALTER TABLE notes_status_changes_new RENAME TO notes_status_changes;
CREATE INDEX notes_status_changes_meeting ON notes_status_changes(meeting_id, changed_at);

CREATE TABLE exports_new (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    meeting_id  INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    what        TEXT NOT NULL,
    format      TEXT NOT NULL,
    audience    TEXT NOT NULL DEFAULT '',
    language    TEXT NOT NULL DEFAULT '',
    file        TEXT NOT NULL DEFAULT '',
    exported_at TEXT NOT NULL
);
INSERT INTO exports_new (id, uuid, meeting_id, what, format, audience, language, file, exported_at)
    SELECT id, lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4'
               || substr(hex(randomblob(2)), 2) || '-'
               || substr('89ab', 1 + abs(random() % 4), 1) || substr(hex(randomblob(2)), 2)
               || '-' || hex(randomblob(6))),
           meeting_id, what, format, audience, language, file, exported_at
    FROM exports;
DROP TABLE exports;
ALTER TABLE exports_new RENAME TO exports;
CREATE INDEX exports_meeting ON exports(meeting_id, exported_at);
