-- The trash screen lists what is in the trash of every table: partial indexes on
-- `deleted_at` hold only the rows in the trash, so finding them reads a few index
-- pages instead of every row (100,000 notes at the large demo). They cost nothing for
-- live rows. `IF NOT EXISTS`: safe to run again.
CREATE INDEX IF NOT EXISTS projects_trashed ON projects(deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS organisations_trashed ON organisations(deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS people_trashed ON people(deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS milestones_trashed ON milestones(deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS meetings_trashed ON meetings(deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS agenda_items_trashed ON agenda_items(deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS needs_trashed ON needs(deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS suggestions_trashed ON suggestions(deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS lessons_trashed ON lessons(deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS notes_trashed ON notes(deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS decisions_trashed ON decisions(deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS action_items_trashed ON action_items(deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS questions_trashed ON questions(deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS information_items_trashed ON information_items(deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS interests_trashed ON interests(deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS dialogue_rounds_trashed ON dialogue_rounds(deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS round_questions_trashed ON round_questions(deleted_at) WHERE deleted_at IS NOT NULL;
