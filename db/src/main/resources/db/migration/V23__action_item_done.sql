-- Action items are a checklist on the call page: who ticked one off and when (both null while open).
-- The summary row is written once and never rewritten, so the tick survives as long as the item.
ALTER TABLE summary_action_items ADD COLUMN done_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE summary_action_items ADD COLUMN done_by VARCHAR(64);
-- "open / overdue" counts look up open items by due date.
CREATE INDEX summary_action_items_open_idx ON summary_action_items (done_at, due_date);
