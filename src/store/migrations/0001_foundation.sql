-- Foundation: organisations, people, projects and their time plans, form drafts.
-- Every user-visible row has a UUID (stable across export/import), UTC timestamps and
-- a soft-delete column: a row with deleted_at set is in the trash.

CREATE TABLE organisations (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    kind        TEXT NOT NULL CHECK (kind IN ('contracting_authority', 'supplier',
                    'industry_association', 'research', 'user_organisation', 'expert', 'other')),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
);

CREATE TABLE people (
    id              INTEGER PRIMARY KEY,
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
CREATE INDEX people_organisation ON people(organisation_id);

CREATE TABLE projects (
    id                INTEGER PRIMARY KEY,
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
    deleted_at        TEXT,
    CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);
CREATE INDEX projects_updated ON projects(updated_at);
CREATE INDEX projects_buyer ON projects(buyer_id);

CREATE TABLE milestones (
    id          INTEGER PRIMARY KEY,
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
CREATE INDEX milestones_project_due ON milestones(project_id, due_date);

-- Unsaved form contents, so that quitting mid-edit loses nothing.
CREATE TABLE drafts (
    key         TEXT PRIMARY KEY,
    payload     TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
