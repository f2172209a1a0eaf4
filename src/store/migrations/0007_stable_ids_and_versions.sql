-- Two windows on one store (issue 9).
--
-- 1. Ids are never reused. Without AUTOINCREMENT SQLite gives a new row the largest
--    rowid + 1, so deleting the newest row (purging it from the trash, or the tidy-up
--    of empty notes) hands its id to the next insert; a window still holding that id
--    (an open editor, a form, a draft key, a trash entry) would then write into
--    another row. AUTOINCREMENT keeps a high-water mark in sqlite_sequence, and
--    SQLite can only add it by building the table anew. Each table that a user can
--    point at is rebuilt as SQLite's documented procedure prescribes (lang_altertable,
--    "other kinds of table schema changes"): migrate.rs turns foreign keys off around
--    the transaction and runs PRAGMA foreign_key_check before it commits; here each
--    table is created as *_new with the same columns, copied with its ids, dropped,
--    renamed, and its indexes and triggers are made again. The three history tables
--    that nothing references (rebuilt by 0006) are left as they are. Copying the rows
--    sets each table's sequence to its largest id, so from now on no id comes back.
--
-- 2. A version on every row a form or the note editor edits. A save names the version
--    it loaded (`UPDATE ... WHERE id = ? AND version = ?`), so a change made elsewhere
--    in between is found instead of overwritten. updated_at cannot serve: it has
--    one-second resolution and the clock is injected. The triggers bump the version on
--    every UPDATE that does not set it itself, so every writer (the CLI, imports, the
--    trash) moves it without knowing about it.

DROP TRIGGER agenda_insert_touches_meeting;
DROP TRIGGER agenda_update_touches_meeting;

CREATE TABLE organisations_new (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    kind        TEXT NOT NULL CHECK (kind IN ('contracting_authority', 'supplier',
                    'industry_association', 'research', 'user_organisation', 'expert', 'other')),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
);
INSERT INTO organisations_new (id, uuid, name, kind, created_at, updated_at, deleted_at)
    SELECT id, uuid, name, kind, created_at, updated_at, deleted_at FROM organisations;
DROP TABLE organisations;
ALTER TABLE organisations_new RENAME TO organisations;
ALTER TABLE organisations ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE TRIGGER organisations_version AFTER UPDATE ON organisations WHEN NEW.version = OLD.version
BEGIN
    UPDATE organisations SET version = OLD.version + 1 WHERE id = NEW.id;
END;

CREATE TABLE people_new (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid            TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL CHECK (length(trim(name)) > 0),
    organisation_id INTEGER REFERENCES organisations(id) ON DELETE SET NULL,
    title           TEXT NOT NULL DEFAULT '',
    email           TEXT NOT NULL DEFAULT '',
    phone           TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    deleted_at      TEXT
);
INSERT INTO people_new (id, uuid, name, organisation_id, title, email, phone, created_at, updated_at, deleted_at)
    SELECT id, uuid, name, organisation_id, title, email, phone, created_at, updated_at, deleted_at FROM people;
DROP TABLE people;
ALTER TABLE people_new RENAME TO people;
CREATE INDEX people_organisation ON people(organisation_id);
ALTER TABLE people ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE TRIGGER people_version AFTER UPDATE ON people WHEN NEW.version = OLD.version
BEGIN
    UPDATE people SET version = OLD.version + 1 WHERE id = NEW.id;
END;

CREATE TABLE projects_new (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid              TEXT NOT NULL UNIQUE,
    code              TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 12),
    title             TEXT NOT NULL CHECK (length(trim(title)) > 0),
    buyer_id          INTEGER REFERENCES organisations(id) ON DELETE SET NULL,
    case_number       TEXT NOT NULL DEFAULT '',
    subject           TEXT NOT NULL DEFAULT '',
    goal              TEXT NOT NULL DEFAULT '',
    phase             TEXT NOT NULL CHECK (phase IN ('initiation', 'needs_analysis',
                          'market_analysis', 'early_dialogue', 'risk_analysis', 'strategy',
                          'requirements', 'tendering', 'evaluation_award', 'contract',
                          'follow_up', 'closed')),
    status            TEXT NOT NULL CHECK (status IN ('prospect', 'active', 'paused',
                          'completed', 'cancelled')),
    innovation_level  TEXT CHECK (innovation_level IN ('development_promoting',
                          'new_solutions', 'rnd_services')),
    planned_procedure TEXT NOT NULL DEFAULT '',
    start_date        TEXT,
    end_date          TEXT,
    tags              TEXT NOT NULL DEFAULT '[]',
    last_reviewed_at  TEXT,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    deleted_at        TEXT, last_need_number INTEGER NOT NULL DEFAULT 0,
    CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);
INSERT INTO projects_new (id, uuid, code, title, buyer_id, case_number, subject, goal, phase, status, innovation_level, planned_procedure, start_date, end_date, tags, last_reviewed_at, created_at, updated_at, deleted_at, last_need_number)
    SELECT id, uuid, code, title, buyer_id, case_number, subject, goal, phase, status, innovation_level, planned_procedure, start_date, end_date, tags, last_reviewed_at, created_at, updated_at, deleted_at, last_need_number FROM projects;
DROP TABLE projects;
ALTER TABLE projects_new RENAME TO projects;
CREATE INDEX projects_buyer ON projects(buyer_id);
CREATE INDEX projects_updated ON projects(updated_at);
ALTER TABLE projects ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE TRIGGER projects_version AFTER UPDATE ON projects WHEN NEW.version = OLD.version
BEGIN
    UPDATE projects SET version = OLD.version + 1 WHERE id = NEW.id;
END;

CREATE TABLE milestones_new (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid        TEXT NOT NULL UNIQUE,
    project_id  INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
    due_date    TEXT,
    done_date   TEXT,
    status      TEXT NOT NULL CHECK (status IN ('planned', 'done', 'cancelled')),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
);
INSERT INTO milestones_new (id, uuid, project_id, title, due_date, done_date, status, created_at, updated_at, deleted_at)
    SELECT id, uuid, project_id, title, due_date, done_date, status, created_at, updated_at, deleted_at FROM milestones;
DROP TABLE milestones;
ALTER TABLE milestones_new RENAME TO milestones;
CREATE INDEX milestones_project_due ON milestones(project_id, due_date);
ALTER TABLE milestones ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE TRIGGER milestones_version AFTER UPDATE ON milestones WHEN NEW.version = OLD.version
BEGIN
    UPDATE milestones SET version = OLD.version + 1 WHERE id = NEW.id;
END;

CREATE TABLE meetings_new (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid             TEXT NOT NULL UNIQUE,
    project_id       INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    kind             TEXT NOT NULL CHECK (kind IN ('kickoff', 'project_meeting',
                         'steering_group', 'reference_group', 'needs_workshop', 'focus_group',
                         'interview', 'information_meeting', 'supplier_workshop', 'webinar',
                         'one_to_one_dialogue', 'lessons_learned', 'other')),
    title            TEXT NOT NULL CHECK (length(trim(title)) > 0),
    purpose          TEXT NOT NULL DEFAULT '',
    desired_outcome  TEXT NOT NULL DEFAULT '',
    format           TEXT NOT NULL CHECK (format IN ('in_person', 'digital', 'hybrid')),
    location         TEXT NOT NULL DEFAULT '',
    start_at         TEXT NOT NULL,
    end_at           TEXT NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('planned', 'held', 'cancelled')),
    notes_status     TEXT NOT NULL CHECK (notes_status IN ('none', 'working', 'draft',
                         'approved', 'sent')),
    checklist        INTEGER NOT NULL DEFAULT 0,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    deleted_at       TEXT,
    CHECK (end_at > start_at)
);
INSERT INTO meetings_new (id, uuid, project_id, kind, title, purpose, desired_outcome, format, location, start_at, end_at, status, notes_status, checklist, created_at, updated_at, deleted_at)
    SELECT id, uuid, project_id, kind, title, purpose, desired_outcome, format, location, start_at, end_at, status, notes_status, checklist, created_at, updated_at, deleted_at FROM meetings;
DROP TABLE meetings;
ALTER TABLE meetings_new RENAME TO meetings;
CREATE INDEX meetings_project_start ON meetings(project_id, start_at);
CREATE INDEX meetings_start ON meetings(start_at);
ALTER TABLE meetings ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
-- A meeting's version follows its own fields, not the stamp that an agenda change
-- carries over (0003): a change to the agenda elsewhere does not make an open meeting
-- form stale, since the form does not edit the agenda.
CREATE TRIGGER meetings_version AFTER UPDATE OF uuid, project_id, kind, title, purpose,
    desired_outcome, format, location, start_at, end_at, status, notes_status, checklist,
    created_at, deleted_at ON meetings WHEN NEW.version = OLD.version
BEGIN
    UPDATE meetings SET version = OLD.version + 1 WHERE id = NEW.id;
END;

CREATE TABLE agenda_items_new (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid             TEXT NOT NULL UNIQUE,
    meeting_id       INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,
    title            TEXT NOT NULL CHECK (length(trim(title)) > 0),
    minutes          INTEGER NOT NULL CHECK (minutes > 0),
    method           TEXT NOT NULL DEFAULT '',
    owner            TEXT NOT NULL DEFAULT '',
    expected_outcome TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    deleted_at       TEXT
);
INSERT INTO agenda_items_new (id, uuid, meeting_id, position, title, minutes, method, owner, expected_outcome, created_at, updated_at, deleted_at)
    SELECT id, uuid, meeting_id, position, title, minutes, method, owner, expected_outcome, created_at, updated_at, deleted_at FROM agenda_items;
DROP TABLE agenda_items;
ALTER TABLE agenda_items_new RENAME TO agenda_items;
CREATE INDEX agenda_items_meeting ON agenda_items(meeting_id, position);
ALTER TABLE agenda_items ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE TRIGGER agenda_items_version AFTER UPDATE ON agenda_items WHEN NEW.version = OLD.version
BEGIN
    UPDATE agenda_items SET version = OLD.version + 1 WHERE id = NEW.id;
END;

CREATE TABLE needs_new (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid          TEXT NOT NULL UNIQUE,
    project_id    INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    number        INTEGER NOT NULL CHECK (number > 0),
    statement     TEXT NOT NULL CHECK (length(trim(statement)) > 0),
    -- The optional structured form: "As a … I need … so that …".
    as_a          TEXT NOT NULL DEFAULT '',
    i_need        TEXT NOT NULL DEFAULT '',
    so_that       TEXT NOT NULL DEFAULT '',
    category      TEXT NOT NULL DEFAULT '',
    priority      TEXT CHECK (priority IN ('must', 'should', 'could', 'wont')),
    status        TEXT NOT NULL CHECK (status IN ('identified', 'analysed', 'validated',
                      'prioritised', 'described', 'rejected', 'deferred', 'merged')),
    status_reason TEXT NOT NULL DEFAULT '',
    merged_into   INTEGER REFERENCES needs(id) ON DELETE SET NULL,
    owner         TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted_at    TEXT,
    UNIQUE (project_id, number)
);
INSERT INTO needs_new (id, uuid, project_id, number, statement, as_a, i_need, so_that, category, priority, status, status_reason, merged_into, owner, created_at, updated_at, deleted_at)
    SELECT id, uuid, project_id, number, statement, as_a, i_need, so_that, category, priority, status, status_reason, merged_into, owner, created_at, updated_at, deleted_at FROM needs;
DROP TABLE needs;
ALTER TABLE needs_new RENAME TO needs;
CREATE INDEX needs_project_status ON needs(project_id, status);
ALTER TABLE needs ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE TRIGGER needs_version AFTER UPDATE ON needs WHEN NEW.version = OLD.version
BEGIN
    UPDATE needs SET version = OLD.version + 1 WHERE id = NEW.id;
END;

CREATE TABLE suggestions_new (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid           TEXT NOT NULL UNIQUE,
    project_id     INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    meeting_id     INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
    phase          TEXT NOT NULL CHECK (phase IN ('initiation', 'needs_analysis',
                       'market_analysis', 'early_dialogue', 'risk_analysis', 'strategy',
                       'requirements', 'tendering', 'evaluation_award', 'contract',
                       'follow_up', 'closed')),
    title          TEXT NOT NULL CHECK (length(trim(title)) > 0),
    description    TEXT NOT NULL DEFAULT '',
    rationale      TEXT NOT NULL DEFAULT '',
    status         TEXT NOT NULL CHECK (status IN ('proposed', 'discussed', 'accepted',
                       'rejected', 'implemented', 'withdrawn')),
    buyer_response TEXT NOT NULL DEFAULT '',
    decision_date  TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted_at     TEXT
);
INSERT INTO suggestions_new (id, uuid, project_id, meeting_id, phase, title, description, rationale, status, buyer_response, decision_date, created_at, updated_at, deleted_at)
    SELECT id, uuid, project_id, meeting_id, phase, title, description, rationale, status, buyer_response, decision_date, created_at, updated_at, deleted_at FROM suggestions;
DROP TABLE suggestions;
ALTER TABLE suggestions_new RENAME TO suggestions;
CREATE INDEX suggestions_project ON suggestions(project_id, status);
ALTER TABLE suggestions ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE TRIGGER suggestions_version AFTER UPDATE ON suggestions WHEN NEW.version = OLD.version
BEGIN
    UPDATE suggestions SET version = OLD.version + 1 WHERE id = NEW.id;
END;

CREATE TABLE lessons_new (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid             TEXT NOT NULL UNIQUE,
    project_id       INTEGER REFERENCES projects(id) ON DELETE SET NULL,
    phase            TEXT CHECK (phase IN ('initiation', 'needs_analysis',
                         'market_analysis', 'early_dialogue', 'risk_analysis', 'strategy',
                         'requirements', 'tendering', 'evaluation_award', 'contract',
                         'follow_up', 'closed')),
    kind             TEXT NOT NULL CHECK (kind IN ('lesson', 'good_example', 'pitfall')),
    title            TEXT NOT NULL CHECK (length(trim(title)) > 0),
    context          TEXT NOT NULL DEFAULT '',
    what_happened    TEXT NOT NULL DEFAULT '',
    what_we_learned  TEXT NOT NULL DEFAULT '',
    recommendation   TEXT NOT NULL DEFAULT '',
    shareable        INTEGER NOT NULL DEFAULT 0 CHECK (shareable IN (0, 1)),
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    deleted_at       TEXT
);
INSERT INTO lessons_new (id, uuid, project_id, phase, kind, title, context, what_happened, what_we_learned, recommendation, shareable, created_at, updated_at, deleted_at)
    SELECT id, uuid, project_id, phase, kind, title, context, what_happened, what_we_learned, recommendation, shareable, created_at, updated_at, deleted_at FROM lessons;
DROP TABLE lessons;
ALTER TABLE lessons_new RENAME TO lessons;
CREATE INDEX lessons_phase_kind ON lessons(phase, kind);
ALTER TABLE lessons ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE TRIGGER lessons_version AFTER UPDATE ON lessons WHEN NEW.version = OLD.version
BEGIN
    UPDATE lessons SET version = OLD.version + 1 WHERE id = NEW.id;
END;

CREATE TABLE notes_new (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
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
INSERT INTO notes_new (id, uuid, meeting_id, agenda_item_id, body, confidentiality, created_at, updated_at, deleted_at)
    SELECT id, uuid, meeting_id, agenda_item_id, body, confidentiality, created_at, updated_at, deleted_at FROM notes;
DROP TABLE notes;
ALTER TABLE notes_new RENAME TO notes;
CREATE INDEX notes_meeting ON notes(meeting_id, agenda_item_id);
ALTER TABLE notes ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE TRIGGER notes_version AFTER UPDATE ON notes WHEN NEW.version = OLD.version
BEGIN
    UPDATE notes SET version = OLD.version + 1 WHERE id = NEW.id;
END;

CREATE TABLE decisions_new (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
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
INSERT INTO decisions_new (id, uuid, project_id, meeting_id, text, rationale, decided_by, decided_on, created_at, updated_at, deleted_at)
    SELECT id, uuid, project_id, meeting_id, text, rationale, decided_by, decided_on, created_at, updated_at, deleted_at FROM decisions;
DROP TABLE decisions;
ALTER TABLE decisions_new RENAME TO decisions;
CREATE INDEX decisions_meeting ON decisions(meeting_id);
CREATE INDEX decisions_project ON decisions(project_id, decided_on);
ALTER TABLE decisions ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE TRIGGER decisions_version AFTER UPDATE ON decisions WHEN NEW.version = OLD.version
BEGIN
    UPDATE decisions SET version = OLD.version + 1 WHERE id = NEW.id;
END;

CREATE TABLE action_items_new (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
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
INSERT INTO action_items_new (id, uuid, project_id, meeting_id, title, owner, due_date, status, done_date, created_at, updated_at, deleted_at)
    SELECT id, uuid, project_id, meeting_id, title, owner, due_date, status, done_date, created_at, updated_at, deleted_at FROM action_items;
DROP TABLE action_items;
ALTER TABLE action_items_new RENAME TO action_items;
CREATE INDEX action_items_due ON action_items(status, due_date);
CREATE INDEX action_items_meeting ON action_items(meeting_id);
CREATE INDEX action_items_project ON action_items(project_id);
ALTER TABLE action_items ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE TRIGGER action_items_version AFTER UPDATE ON action_items WHEN NEW.version = OLD.version
BEGIN
    UPDATE action_items SET version = OLD.version + 1 WHERE id = NEW.id;
END;

CREATE TABLE questions_new (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid        TEXT NOT NULL UNIQUE,
    meeting_id  INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    text        TEXT NOT NULL CHECK (length(trim(text)) > 0),
    answer      TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
);
INSERT INTO questions_new (id, uuid, meeting_id, text, answer, created_at, updated_at, deleted_at)
    SELECT id, uuid, meeting_id, text, answer, created_at, updated_at, deleted_at FROM questions;
DROP TABLE questions;
ALTER TABLE questions_new RENAME TO questions;
CREATE INDEX questions_meeting ON questions(meeting_id);
ALTER TABLE questions ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE TRIGGER questions_version AFTER UPDATE ON questions WHEN NEW.version = OLD.version
BEGIN
    UPDATE questions SET version = OLD.version + 1 WHERE id = NEW.id;
END;

CREATE TABLE attendance_new (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid        TEXT NOT NULL UNIQUE,
    meeting_id  INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    person_id   INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    role        TEXT NOT NULL CHECK (role IN ('chair', 'facilitator', 'note_taker',
                    'participant', 'presenter', 'observer')),
    invited     INTEGER NOT NULL DEFAULT 1 CHECK (invited IN (0, 1)),
    attended    INTEGER NOT NULL DEFAULT 0 CHECK (attended IN (0, 1)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    UNIQUE (meeting_id, person_id)
);
INSERT INTO attendance_new (id, uuid, meeting_id, person_id, role, invited, attended, created_at, updated_at)
    SELECT id, uuid, meeting_id, person_id, role, invited, attended, created_at, updated_at FROM attendance;
DROP TABLE attendance;
ALTER TABLE attendance_new RENAME TO attendance;

CREATE TABLE need_evidence_new (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid        TEXT NOT NULL UNIQUE,
    need_id     INTEGER NOT NULL REFERENCES needs(id) ON DELETE CASCADE,
    meeting_id  INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
    person_id   INTEGER REFERENCES people(id) ON DELETE SET NULL,
    document    TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    CHECK (meeting_id IS NOT NULL OR person_id IS NOT NULL OR length(trim(document)) > 0)
);
INSERT INTO need_evidence_new (id, uuid, need_id, meeting_id, person_id, document, note, created_at, updated_at)
    SELECT id, uuid, need_id, meeting_id, person_id, document, note, created_at, updated_at FROM need_evidence;
DROP TABLE need_evidence;
ALTER TABLE need_evidence_new RENAME TO need_evidence;
CREATE INDEX need_evidence_need ON need_evidence(need_id);

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
