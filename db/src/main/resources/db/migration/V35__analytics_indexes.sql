-- The analytics dashboard (console TeamAnalytics) reads the scoped calls' cards, objections and action items by
-- call id and adds up a few columns of each; with those columns in the index both H2 and PostgreSQL answer from
-- the index alone instead of fetching every row. Portable between H2 2.x and PostgreSQL.
CREATE INDEX call_cards_call_key_idx ON call_cards (call_id, card_key, feedback);
CREATE INDEX summary_objections_call_kind_idx ON summary_objections (call_id, kind);
CREATE INDEX summary_action_items_call_due_idx ON summary_action_items (call_id, done_at, due_date);
