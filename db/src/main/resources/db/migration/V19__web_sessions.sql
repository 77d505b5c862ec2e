-- Browser sign-ins that outlive a restart and are shared by every node of a cluster. Only the sign-in is kept (who,
-- under which session generation), never the session's other attributes, and the cookie's session id only as its
-- SHA-256, so reading this table does not hand out live cookies.
CREATE TABLE web_sessions (
    id_hash VARCHAR(64) PRIMARY KEY,
    user_id BIGINT NOT NULL,
    session_generation INTEGER NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_access_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX web_sessions_expires_at ON web_sessions (expires_at);
CREATE INDEX web_sessions_user_id ON web_sessions (user_id);
