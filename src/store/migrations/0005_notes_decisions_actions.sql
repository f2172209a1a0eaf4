-- Meeting notes, decisions, action items, open questions and the export log.

CREATE TABLE notes (
    id              INTEGER PRIMARY KEY,
    uuid            TEXT NOT NULL UNIQUE,
    meeting_id      INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    -- NULL: notes on the meeting as a whole.
    agenda_item_id  INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL,
    body            TEXT NOT NULL DEFAULT '',
    confidentiality TEXT NOT NULL CHECK (confidentiality IN ('shareable', 'internal',
                        'supplier_confidential', 'personal')),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    deleted_at      TEXT
);
CREATE INDEX notes_meeting ON notes(meeting_id, agenda_item_id);

CREATE TABLE decisions (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    project_id  INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    meeting_id  INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
    text        TEXT NOT NULL CHECK (length(trim(text)) > 0),
    rationale   TEXT NOT NULL DEFAULT '',
    decided_by  TEXT NOT NULL DEFAULT '',
    decided_on  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
);
CREATE INDEX decisions_project ON decisions(project_id, decided_on);
CREATE INDEX decisions_meeting ON decisions(meeting_id);

CREATE TABLE action_items (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    project_id  INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    meeting_id  INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
    title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
    owner       TEXT NOT NULL DEFAULT '',
    due_date    TEXT,
    status      TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'done', 'cancelled')),
    done_date   TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
);
CREATE INDEX action_items_due ON action_items(status, due_date);
CREATE INDEX action_items_meeting ON action_items(meeting_id);
CREATE INDEX action_items_project ON action_items(project_id);

CREATE TABLE questions (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    meeting_id  INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    text        TEXT NOT NULL CHECK (length(trim(text)) > 0),
    answer      TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
);
CREATE INDEX questions_meeting ON questions(meeting_id);

-- When each notes status was reached.
CREATE TABLE notes_status_changes (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    status      TEXT NOT NULL CHECK (status IN ('none', 'working', 'draft', 'approved', 'sent')),
    changed_at  TEXT NOT NULL
);
CREATE INDEX notes_status_changes_meeting ON notes_status_changes(meeting_id, changed_at);

-- Every export of a meeting's notes: what, when, format, audience and file.
CREATE TABLE exports (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    what        TEXT NOT NULL,
    format      TEXT NOT NULL,
    audience    TEXT NOT NULL DEFAULT '',
    language    TEXT NOT NULL DEFAULT '',
    file        TEXT NOT NULL DEFAULT '',
    exported_at TEXT NOT NULL
);
CREATE INDEX exports_meeting ON exports(meeting_id, exported_at);
