-- Routing (issue 22): a user's e-mail address, where "team lead" notifications go, and the user a routing rule
-- assigned a call's action items to.
ALTER TABLE users ADD COLUMN email VARCHAR(254);
ALTER TABLE summary_action_items ADD COLUMN assignee VARCHAR(64);
