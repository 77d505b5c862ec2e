-- Work that one node of a cluster must do once (the nightly report): a named lease, held until it runs out.
CREATE TABLE cluster_leases (
    name VARCHAR(200) PRIMARY KEY,
    holder VARCHAR(200) NOT NULL,
    held_until TIMESTAMP WITH TIME ZONE NOT NULL
);
