-- Who uploaded a recording: reps see their own uploads and own the calls made from them.
ALTER TABLE upload_jobs ADD COLUMN uploaded_by VARCHAR(255);
