-- Dialogue rounds (issue 13, part 1): the same questions put to every supplier.
--
-- A round belongs to a project and has a kind (one-to-one dialogues, a request for
-- information, an external review of the documents, a supplier workshop), an ordered
-- set of questions, and the suppliers taking part. Each supplier keeps the number it
-- was given when it joined the round (`seq`): the shared compilation calls it
-- "Leverantör A, B, …" by that number, so a letter stays with its supplier for as long
-- as the round lasts, whoever joins later.
--
-- An answer is one question × one supplier. Its row exists once the question was put
-- to that supplier (asked), even before anything was said; no row means the question
-- was not asked, which the matrix warns of (equal treatment). An answer carries a
-- confidentiality label like a note.
--
-- A supplier's one-to-one meeting in the round is kept on its row in round_suppliers
-- (none for a written answer), so a meeting belongs to a round and a supplier without a
-- change to the meetings table.
--
-- Rows carry UUIDs and versions as 0007 set out; rounds and questions go to the trash.
-- The search index (0011) gets one document per round: its title and purpose, and the
-- text of its live questions.

CREATE TABLE dialogue_rounds (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid        TEXT NOT NULL UNIQUE,
    project_id  INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('one_to_one', 'rfi', 'external_review',
                    'supplier_workshop')),
    title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
    purpose     TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT,
    version     INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX dialogue_rounds_project ON dialogue_rounds(project_id);
CREATE TRIGGER dialogue_rounds_version AFTER UPDATE ON dialogue_rounds
    WHEN NEW.version = OLD.version
BEGIN
    UPDATE dialogue_rounds SET version = OLD.version + 1 WHERE id = NEW.id;
END;

CREATE TABLE round_questions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid        TEXT NOT NULL UNIQUE,
    round_id    INTEGER NOT NULL REFERENCES dialogue_rounds(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    text        TEXT NOT NULL CHECK (length(trim(text)) > 0),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT,
    version     INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX round_questions_round ON round_questions(round_id, position);
CREATE TRIGGER round_questions_version AFTER UPDATE ON round_questions
    WHEN NEW.version = OLD.version
BEGIN
    UPDATE round_questions SET version = OLD.version + 1 WHERE id = NEW.id;
END;

CREATE TABLE round_suppliers (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid            TEXT NOT NULL UNIQUE,
    round_id        INTEGER NOT NULL REFERENCES dialogue_rounds(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    seq             INTEGER NOT NULL CHECK (seq > 0),
    -- The supplier's one-to-one meeting in this round; NULL for a written answer.
    meeting_id      INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    UNIQUE (round_id, organisation_id),
    UNIQUE (round_id, seq)
);
CREATE INDEX round_suppliers_meeting ON round_suppliers(meeting_id);

CREATE TABLE round_answers (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid            TEXT NOT NULL UNIQUE,
    question_id     INTEGER NOT NULL REFERENCES round_questions(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    meeting_id      INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
    body            TEXT NOT NULL DEFAULT '',
    confidentiality TEXT NOT NULL DEFAULT 'internal' CHECK (confidentiality IN ('shareable',
                        'internal', 'supplier_confidential', 'personal')),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    version         INTEGER NOT NULL DEFAULT 1,
    UNIQUE (question_id, organisation_id)
);
CREATE INDEX round_answers_organisation ON round_answers(organisation_id);
CREATE TRIGGER round_answers_version AFTER UPDATE ON round_answers
    WHEN NEW.version = OLD.version
BEGIN
    UPDATE round_answers SET version = OLD.version + 1 WHERE id = NEW.id;
END;


-- Search: a round is document kind 16 (domain::search::SEARCH_KINDS).
DROP VIEW search_source;
CREATE VIEW search_source (code, id, title, body) AS
    SELECT 1, t.id, t.code || ' ' || t.title,
           concat_ws(' ', o.name, t.case_number, t.subject, t.goal, t.planned_procedure,
                     replace(replace(replace(t.tags, '[', ''), ']', ''), '"', ''))
    FROM projects t LEFT JOIN organisations o ON o.id = t.buyer_id
    WHERE t.deleted_at IS NULL
    UNION ALL
    SELECT 2, t.id, t.title, concat_ws(' ', t.purpose, t.desired_outcome, t.location)
    FROM meetings t JOIN projects p ON p.id = t.project_id
    WHERE t.deleted_at IS NULL AND p.deleted_at IS NULL
    UNION ALL
    SELECT 3, t.id, t.title, concat_ws(' ', t.method, t.owner, t.expected_outcome)
    FROM agenda_items t JOIN meetings m ON m.id = t.meeting_id
         JOIN projects p ON p.id = m.project_id
    WHERE t.deleted_at IS NULL AND m.deleted_at IS NULL AND p.deleted_at IS NULL
    UNION ALL
    SELECT 4, t.id, '', t.body
    FROM notes t JOIN meetings m ON m.id = t.meeting_id
         JOIN projects p ON p.id = m.project_id
    WHERE t.deleted_at IS NULL AND m.deleted_at IS NULL AND p.deleted_at IS NULL
    UNION ALL
    SELECT 5, t.id, t.text, concat_ws(' ', t.rationale, t.decided_by)
    FROM decisions t JOIN projects p ON p.id = t.project_id
    WHERE t.deleted_at IS NULL AND p.deleted_at IS NULL
    UNION ALL
    SELECT 6, t.id, t.title, t.owner
    FROM action_items t JOIN projects p ON p.id = t.project_id
    WHERE t.deleted_at IS NULL AND p.deleted_at IS NULL
    UNION ALL
    SELECT 7, t.id, t.text, t.answer
    FROM questions t JOIN meetings m ON m.id = t.meeting_id
         JOIN projects p ON p.id = m.project_id
    WHERE t.deleted_at IS NULL AND m.deleted_at IS NULL AND p.deleted_at IS NULL
    UNION ALL
    SELECT 8, t.id, printf('B-%03d', t.number) || ' ' || t.statement,
           concat_ws(' ', t.as_a, t.i_need, t.so_that, t.category, t.owner, t.status_reason)
    FROM needs t JOIN projects p ON p.id = t.project_id
    WHERE t.deleted_at IS NULL AND p.deleted_at IS NULL
    UNION ALL
    SELECT 9, t.id, t.title, concat_ws(' ', t.description, t.rationale, t.buyer_response)
    FROM suggestions t JOIN projects p ON p.id = t.project_id
    WHERE t.deleted_at IS NULL AND p.deleted_at IS NULL
    UNION ALL
    SELECT 10, t.id, t.title,
           concat_ws(' ', t.context, t.what_happened, t.what_we_learned, t.recommendation)
    FROM lessons t LEFT JOIN projects p ON p.id = t.project_id
    WHERE t.deleted_at IS NULL AND p.deleted_at IS NULL
    UNION ALL
    SELECT 11, t.id, t.title, ''
    FROM milestones t JOIN projects p ON p.id = t.project_id
    WHERE t.deleted_at IS NULL AND p.deleted_at IS NULL
    UNION ALL
    SELECT 12, t.id, t.name, concat_ws(' ', t.title, t.email, t.phone)
    FROM people t
    WHERE t.deleted_at IS NULL
    UNION ALL
    SELECT 13, t.id, t.name, ''
    FROM organisations t
    WHERE t.deleted_at IS NULL
    UNION ALL
    SELECT 16, t.id, t.title,
           concat_ws(' ', t.purpose,
                     (SELECT group_concat(q.text, ' ') FROM round_questions q
                      WHERE q.round_id = t.id AND q.deleted_at IS NULL))
    FROM dialogue_rounds t JOIN projects p ON p.id = t.project_id
    WHERE t.deleted_at IS NULL AND p.deleted_at IS NULL;

CREATE TRIGGER dialogue_rounds_search_insert AFTER INSERT ON dialogue_rounds
BEGIN
    INSERT INTO search_refresh VALUES (16, NEW.id);
END;
CREATE TRIGGER dialogue_rounds_search_update AFTER UPDATE OF title, purpose, project_id,
    deleted_at ON dialogue_rounds
BEGIN
    INSERT INTO search_refresh VALUES (16, NEW.id);
END;
CREATE TRIGGER dialogue_rounds_search_delete AFTER DELETE ON dialogue_rounds
BEGIN
    INSERT INTO search_refresh VALUES (16, OLD.id);
END;
-- A question's words are its round's.
CREATE TRIGGER round_questions_search_insert AFTER INSERT ON round_questions
BEGIN
    INSERT INTO search_refresh VALUES (16, NEW.round_id);
END;
CREATE TRIGGER round_questions_search_update AFTER UPDATE OF text, round_id, deleted_at
    ON round_questions
BEGIN
    INSERT INTO search_refresh VALUES (16, NEW.round_id);
    INSERT INTO search_refresh SELECT 16, OLD.round_id WHERE OLD.round_id <> NEW.round_id;
END;
CREATE TRIGGER round_questions_search_delete AFTER DELETE ON round_questions
BEGIN
    INSERT INTO search_refresh VALUES (16, OLD.round_id);
END;
-- A project's trash or restore takes its rounds with it.
CREATE TRIGGER projects_search_trash_rounds AFTER UPDATE OF deleted_at ON projects
    WHEN (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL)
BEGIN
    INSERT INTO search_refresh SELECT 16, id FROM dialogue_rounds WHERE project_id = NEW.id;
END;
