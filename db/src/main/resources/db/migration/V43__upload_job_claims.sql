-- Upload jobs claimed across the nodes of a cluster: which node runs a job, and until when its claim holds unless
-- renewed. A job whose claim ran out (its node died) can be claimed by another node. Null: nobody holds it.
ALTER TABLE upload_jobs ADD COLUMN claimed_by VARCHAR(200);
ALTER TABLE upload_jobs ADD COLUMN leased_until TIMESTAMP WITH TIME ZONE;
