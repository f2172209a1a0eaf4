-- Needs register, improvement suggestions and lessons learned.

-- Need codes (B-001, B-002, …) are numbered per project and never reused, even after a
-- need is purged: the project keeps the last number handed out.
ALTER TABLE projects ADD COLUMN last_need_number INTEGER NOT NULL DEFAULT 0;

CREATE TABLE needs (
    id            INTEGER PRIMARY KEY,
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
CREATE INDEX needs_project_status ON needs(project_id, status);

-- Where a need came from: a meeting, a person or a document (free text).
CREATE TABLE need_evidence (
    id          INTEGER PRIMARY KEY,
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
CREATE INDEX need_evidence_need ON need_evidence(need_id);

CREATE TABLE need_status_changes (
    id          INTEGER PRIMARY KEY,
    need_id     INTEGER NOT NULL REFERENCES needs(id) ON DELETE CASCADE,
    from_status TEXT,
    to_status   TEXT NOT NULL,
    reason      TEXT NOT NULL DEFAULT '',
    changed_at  TEXT NOT NULL
);
CREATE INDEX need_status_changes_need ON need_status_changes(need_id, changed_at);

CREATE TABLE suggestions (
    id             INTEGER PRIMARY KEY,
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
CREATE INDEX suggestions_project ON suggestions(project_id, status);

CREATE TABLE lessons (
    id               INTEGER PRIMARY KEY,
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
CREATE INDEX lessons_phase_kind ON lessons(phase, kind);
