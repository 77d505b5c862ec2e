-- Cluster mode: the node that answered a call, so that a node starting up closes only its own orphaned calls and
-- the surviving nodes can end a lost node's calls. Null for calls from before and from a node running alone.
ALTER TABLE calls ADD COLUMN node_id VARCHAR(200);
CREATE INDEX calls_status_node_idx ON calls (status, node_id);
