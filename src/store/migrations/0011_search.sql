-- Search across everything (issue 11, part 4), with SQLite FTS5.
--
-- The index holds exactly what may be shown: a row is in it while it and everything it
-- belongs to is out of the trash (a note of a trashed meeting or project is not), so a
-- query needs no join to keep trashed text out, and counting the hits reads nothing but
-- the index. Each indexed row is one document whose rowid names it: the kind's code
-- (search.rs, `SearchKind`) shifted left 40 bits, or-ed with the row's id. Ranges of
-- rowids are thus kinds, which FTS5 can seek to.
--
-- Search as you type asks for prefixes ("dia", "dialo"), which FTS5 answers by
-- merging the lists of every word with that prefix, once per query, unless the prefix
-- is indexed: the prefixes of up to six letters are. The index keeps which documents
-- hold a word, not where (detail = none): that keeps the lists short, and snippet() and
-- ranking find the words again in the few documents they show.
--
-- Two tables share the rowids:
--   search        the text (for snippet()), tokenised with diacritics folded, so that
--                 "lulea" finds "Luleå";
--   search_exact  the same words as written (contentless: tokens only), so that a word
--                 typed with å, ä or ö matches only that spelling.
--
-- Triggers keep both in step: every insert, update and delete of a searched row (and
-- every trash or restore of a project or meeting, for what belongs to it) asks the view
-- search_refresh to index that row again. Its INSTEAD OF trigger removes the row's
-- document and puts back what search_source says it is now, which is nothing when the
-- row or a parent is in the trash. A bundle import writes through the same tables, so it
-- is followed like any other change.

CREATE VIRTUAL TABLE search USING fts5(
    title, body,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3 4 5 6',
    detail = none
);
-- A word in the title weighs ten times one in the rest of the text.
INSERT INTO search (search, rank) VALUES ('rank', 'bm25(10.0, 1.0)');

CREATE VIRTUAL TABLE search_exact USING fts5(
    title, body,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0',
    prefix = '1 2 3 4 5 6',
    detail = none
);

-- What each searchable row says, for the rows that may be shown. `code` is the kind,
-- `id` the row; the WHERE of a query on this view reaches every arm, so asking for one
-- row reads that row only.
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
    -- A decision or action whose meeting is in the trash still lives in its project.
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
    WHERE t.deleted_at IS NULL;

-- Inserting (code, id) here indexes that row again (see the header).
CREATE VIEW search_refresh (code, id) AS SELECT 0, 0 WHERE 0;

CREATE TRIGGER search_refresh_row INSTEAD OF INSERT ON search_refresh
BEGIN
    DELETE FROM search WHERE rowid = (NEW.code << 40) | NEW.id;
    DELETE FROM search_exact WHERE rowid = (NEW.code << 40) | NEW.id;
    INSERT INTO search (rowid, title, body)
        SELECT (code << 40) | id, title, body FROM search_source
        WHERE code = NEW.code AND id = NEW.id;
    INSERT INTO search_exact (rowid, title, body)
        SELECT (code << 40) | id, title, body FROM search_source
        WHERE code = NEW.code AND id = NEW.id;
END;

-- Projects: their own words, and on trash or restore everything that belongs to them.
CREATE TRIGGER projects_search_insert AFTER INSERT ON projects
BEGIN
    INSERT INTO search_refresh VALUES (1, NEW.id);
END;
CREATE TRIGGER projects_search_update AFTER UPDATE OF code, title, buyer_id, case_number,
    subject, goal, planned_procedure, tags, deleted_at ON projects
BEGIN
    INSERT INTO search_refresh VALUES (1, NEW.id);
END;
CREATE TRIGGER projects_search_trash AFTER UPDATE OF deleted_at ON projects
    WHEN (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL)
BEGIN
    INSERT INTO search_refresh SELECT 2, id FROM meetings WHERE project_id = NEW.id;
    INSERT INTO search_refresh
        SELECT 3, a.id FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id
        WHERE m.project_id = NEW.id;
    INSERT INTO search_refresh
        SELECT 4, n.id FROM notes n JOIN meetings m ON m.id = n.meeting_id
        WHERE m.project_id = NEW.id;
    INSERT INTO search_refresh SELECT 5, id FROM decisions WHERE project_id = NEW.id;
    INSERT INTO search_refresh SELECT 6, id FROM action_items WHERE project_id = NEW.id;
    INSERT INTO search_refresh
        SELECT 7, q.id FROM questions q JOIN meetings m ON m.id = q.meeting_id
        WHERE m.project_id = NEW.id;
    INSERT INTO search_refresh SELECT 8, id FROM needs WHERE project_id = NEW.id;
    INSERT INTO search_refresh SELECT 9, id FROM suggestions WHERE project_id = NEW.id;
    INSERT INTO search_refresh SELECT 10, id FROM lessons WHERE project_id = NEW.id;
    INSERT INTO search_refresh SELECT 11, id FROM milestones WHERE project_id = NEW.id;
END;
CREATE TRIGGER projects_search_delete AFTER DELETE ON projects
BEGIN
    INSERT INTO search_refresh VALUES (1, OLD.id);
END;

-- Meetings: their own words, and on trash, restore or a move to another project the
-- agenda, notes and questions that live in them.
CREATE TRIGGER meetings_search_insert AFTER INSERT ON meetings
BEGIN
    INSERT INTO search_refresh VALUES (2, NEW.id);
END;
CREATE TRIGGER meetings_search_update AFTER UPDATE OF title, purpose, desired_outcome,
    location, project_id, deleted_at ON meetings
BEGIN
    INSERT INTO search_refresh VALUES (2, NEW.id);
END;
CREATE TRIGGER meetings_search_trash AFTER UPDATE OF project_id, deleted_at ON meetings
    WHEN (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL)
         OR OLD.project_id <> NEW.project_id
BEGIN
    INSERT INTO search_refresh SELECT 3, id FROM agenda_items WHERE meeting_id = NEW.id;
    INSERT INTO search_refresh SELECT 4, id FROM notes WHERE meeting_id = NEW.id;
    INSERT INTO search_refresh SELECT 7, id FROM questions WHERE meeting_id = NEW.id;
END;
CREATE TRIGGER meetings_search_delete AFTER DELETE ON meetings
BEGIN
    INSERT INTO search_refresh VALUES (2, OLD.id);
END;

-- Every other kind: its own row only. The UPDATE triggers name the columns that the
-- document or its visibility reads, so that a bumped version or stamp costs nothing.
CREATE TRIGGER agenda_items_search_insert AFTER INSERT ON agenda_items
BEGIN
    INSERT INTO search_refresh VALUES (3, NEW.id);
END;
CREATE TRIGGER agenda_items_search_update AFTER UPDATE OF title, method, owner,
    expected_outcome, meeting_id, deleted_at ON agenda_items
BEGIN
    INSERT INTO search_refresh VALUES (3, NEW.id);
END;
CREATE TRIGGER agenda_items_search_delete AFTER DELETE ON agenda_items
BEGIN
    INSERT INTO search_refresh VALUES (3, OLD.id);
END;

CREATE TRIGGER notes_search_insert AFTER INSERT ON notes
BEGIN
    INSERT INTO search_refresh VALUES (4, NEW.id);
END;
CREATE TRIGGER notes_search_update AFTER UPDATE OF body, meeting_id, deleted_at ON notes
BEGIN
    INSERT INTO search_refresh VALUES (4, NEW.id);
END;
CREATE TRIGGER notes_search_delete AFTER DELETE ON notes
BEGIN
    INSERT INTO search_refresh VALUES (4, OLD.id);
END;

CREATE TRIGGER decisions_search_insert AFTER INSERT ON decisions
BEGIN
    INSERT INTO search_refresh VALUES (5, NEW.id);
END;
CREATE TRIGGER decisions_search_update AFTER UPDATE OF text, rationale, decided_by,
    project_id, deleted_at ON decisions
BEGIN
    INSERT INTO search_refresh VALUES (5, NEW.id);
END;
CREATE TRIGGER decisions_search_delete AFTER DELETE ON decisions
BEGIN
    INSERT INTO search_refresh VALUES (5, OLD.id);
END;

CREATE TRIGGER action_items_search_insert AFTER INSERT ON action_items
BEGIN
    INSERT INTO search_refresh VALUES (6, NEW.id);
END;
CREATE TRIGGER action_items_search_update AFTER UPDATE OF title, owner, project_id,
    deleted_at ON action_items
BEGIN
    INSERT INTO search_refresh VALUES (6, NEW.id);
END;
CREATE TRIGGER action_items_search_delete AFTER DELETE ON action_items
BEGIN
    INSERT INTO search_refresh VALUES (6, OLD.id);
END;

CREATE TRIGGER questions_search_insert AFTER INSERT ON questions
BEGIN
    INSERT INTO search_refresh VALUES (7, NEW.id);
END;
CREATE TRIGGER questions_search_update AFTER UPDATE OF text, answer, meeting_id,
    deleted_at ON questions
BEGIN
    INSERT INTO search_refresh VALUES (7, NEW.id);
END;
CREATE TRIGGER questions_search_delete AFTER DELETE ON questions
BEGIN
    INSERT INTO search_refresh VALUES (7, OLD.id);
END;

CREATE TRIGGER needs_search_insert AFTER INSERT ON needs
BEGIN
    INSERT INTO search_refresh VALUES (8, NEW.id);
END;
CREATE TRIGGER needs_search_update AFTER UPDATE OF number, statement, as_a, i_need,
    so_that, category, owner, status_reason, project_id, deleted_at ON needs
BEGIN
    INSERT INTO search_refresh VALUES (8, NEW.id);
END;
CREATE TRIGGER needs_search_delete AFTER DELETE ON needs
BEGIN
    INSERT INTO search_refresh VALUES (8, OLD.id);
END;

CREATE TRIGGER suggestions_search_insert AFTER INSERT ON suggestions
BEGIN
    INSERT INTO search_refresh VALUES (9, NEW.id);
END;
CREATE TRIGGER suggestions_search_update AFTER UPDATE OF title, description, rationale,
    buyer_response, project_id, deleted_at ON suggestions
BEGIN
    INSERT INTO search_refresh VALUES (9, NEW.id);
END;
CREATE TRIGGER suggestions_search_delete AFTER DELETE ON suggestions
BEGIN
    INSERT INTO search_refresh VALUES (9, OLD.id);
END;

CREATE TRIGGER lessons_search_insert AFTER INSERT ON lessons
BEGIN
    INSERT INTO search_refresh VALUES (10, NEW.id);
END;
CREATE TRIGGER lessons_search_update AFTER UPDATE OF title, context, what_happened,
    what_we_learned, recommendation, project_id, deleted_at ON lessons
BEGIN
    INSERT INTO search_refresh VALUES (10, NEW.id);
END;
CREATE TRIGGER lessons_search_delete AFTER DELETE ON lessons
BEGIN
    INSERT INTO search_refresh VALUES (10, OLD.id);
END;

CREATE TRIGGER milestones_search_insert AFTER INSERT ON milestones
BEGIN
    INSERT INTO search_refresh VALUES (11, NEW.id);
END;
CREATE TRIGGER milestones_search_update AFTER UPDATE OF title, project_id, deleted_at
    ON milestones
BEGIN
    INSERT INTO search_refresh VALUES (11, NEW.id);
END;
CREATE TRIGGER milestones_search_delete AFTER DELETE ON milestones
BEGIN
    INSERT INTO search_refresh VALUES (11, OLD.id);
END;

CREATE TRIGGER people_search_insert AFTER INSERT ON people
BEGIN
    INSERT INTO search_refresh VALUES (12, NEW.id);
END;
CREATE TRIGGER people_search_update AFTER UPDATE OF name, title, email, phone, deleted_at
    ON people
BEGIN
    INSERT INTO search_refresh VALUES (12, NEW.id);
END;
CREATE TRIGGER people_search_delete AFTER DELETE ON people
BEGIN
    INSERT INTO search_refresh VALUES (12, OLD.id);
END;

CREATE TRIGGER organisations_search_insert AFTER INSERT ON organisations
BEGIN
    INSERT INTO search_refresh VALUES (13, NEW.id);
END;
-- A project is found by its buyer's name too.
CREATE TRIGGER organisations_search_update AFTER UPDATE OF name, deleted_at ON organisations
BEGIN
    INSERT INTO search_refresh VALUES (13, NEW.id);
    INSERT INTO search_refresh SELECT 1, id FROM projects WHERE buyer_id = NEW.id;
END;
CREATE TRIGGER organisations_search_delete AFTER DELETE ON organisations
BEGIN
    INSERT INTO search_refresh VALUES (13, OLD.id);
END;

-- What the store holds already.
INSERT INTO search (rowid, title, body)
    SELECT (code << 40) | id, title, body FROM search_source;
INSERT INTO search_exact (rowid, title, body)
    SELECT (code << 40) | id, title, body FROM search_source;
INSERT INTO search (search) VALUES ('optimize');
INSERT INTO search_exact (search_exact) VALUES ('optimize');
