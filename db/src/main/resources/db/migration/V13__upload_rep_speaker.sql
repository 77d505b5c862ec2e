-- Which speaker of an upload is the rep ("Speaker 2" when the customer spoke first); null means Speaker 1.
ALTER TABLE upload_jobs ADD COLUMN rep_speaker VARCHAR(32);
