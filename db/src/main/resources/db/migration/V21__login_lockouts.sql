-- Failed sign-ins and the locks they earned, per username or client address, shared by every node of a cluster so
-- that the limits hold per cluster and survive a restart (before, each node counted in its own memory). A row is
-- useless once forgotten_at has passed and is swept.
CREATE TABLE login_lockouts (
    lock_key VARCHAR(200) PRIMARY KEY,
    failures INTEGER NOT NULL,
    locks INTEGER NOT NULL,
    last_failure TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until TIMESTAMP WITH TIME ZONE NOT NULL,
    forgotten_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX login_lockouts_forgotten_at ON login_lockouts (forgotten_at);
