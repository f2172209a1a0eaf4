-- Meetings and workshops, their timed agendas and participants.
-- Times are UTC ISO 8601 text ('2026-12-03T08:30:00Z'), so text order is time order.

CREATE TABLE meetings (
    id               INTEGER PRIMARY KEY,
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
CREATE INDEX meetings_start ON meetings(start_at);
CREATE INDEX meetings_project_start ON meetings(project_id, start_at);

CREATE TABLE agenda_items (
    id               INTEGER PRIMARY KEY,
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
CREATE INDEX agenda_items_meeting ON agenda_items(meeting_id, position);

CREATE TABLE attendance (
    id          INTEGER PRIMARY KEY,
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
