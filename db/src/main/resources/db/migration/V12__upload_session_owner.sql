-- Who started a resumable upload: only they (or an admin or manager) may continue it, and they own the job.
ALTER TABLE upload_sessions ADD COLUMN created_by VARCHAR(255);
