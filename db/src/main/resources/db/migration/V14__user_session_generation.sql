-- Bumped whenever a user's earlier sign-ins must stop counting (password change, being disabled): a cookie
-- session remembers the generation it signed in under and is dropped once the user's differs.
ALTER TABLE users ADD COLUMN session_generation INTEGER DEFAULT 0 NOT NULL;
