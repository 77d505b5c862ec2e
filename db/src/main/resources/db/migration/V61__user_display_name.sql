-- The name a user goes by on calls ("Sam Okafor"): the rep party of their calls is shown by it. Null: not set.
ALTER TABLE users ADD COLUMN display_name VARCHAR(128);
