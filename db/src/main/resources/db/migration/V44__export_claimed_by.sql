-- The node that claimed an export job last, so an admin (and the cluster tests) can see which node delivered it.
ALTER TABLE export_outbox ADD COLUMN claimed_by VARCHAR(200);
