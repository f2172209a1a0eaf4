-- Partial indexes for what needs attention (store/attention.rs): the portfolio's figures
-- per project and the "today" strip's overdue counts are read from the index alone, so
-- that the first frame costs the same at 1,000 projects as at ten. The status lists
-- are the domain's rules (`action_open`, `need_open`) as `codes_where` writes them: the
-- queries name these indexes (INDEXED BY), so a rule changed without a new index fails
-- the store tests rather than going slow.
CREATE INDEX action_items_open_project_due ON action_items(project_id, due_date)
    WHERE deleted_at IS NULL AND status IN ('open', 'in_progress');
CREATE INDEX action_items_open_due ON action_items(due_date)
    WHERE deleted_at IS NULL AND status IN ('open', 'in_progress');
CREATE INDEX needs_open_project ON needs(project_id)
    WHERE deleted_at IS NULL AND status IN ('identified', 'analysed', 'validated', 'prioritised');
CREATE INDEX milestones_planned_due ON milestones(due_date)
    WHERE deleted_at IS NULL AND status = 'planned';
CREATE INDEX meetings_planned_project_start ON meetings(project_id, start_at)
    WHERE deleted_at IS NULL AND status = 'planned';
