-- Indexes for paged lists (store/action_pages.rs): the actions screen reads one page at
-- a time in the order it shows (open before closed, dated before undated, by due date,
-- then id), so the index is on exactly the expressions the query orders by; walking it
-- needs no sort and stops after a page.
CREATE INDEX action_items_page ON action_items(
    (status NOT IN ('open', 'in_progress')),
    (due_date IS NULL AND status IN ('open', 'in_progress')),
    coalesce(due_date, ''),
    id
) WHERE deleted_at IS NULL;
