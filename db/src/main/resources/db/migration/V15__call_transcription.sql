-- How a call was transcribed: LIVE as it was spoken, or, when the server was at capacity, DEFERRED until its
-- hang-up and then AFTER_CALL (or FAILED).
ALTER TABLE calls ADD COLUMN transcription VARCHAR(16) DEFAULT 'LIVE' NOT NULL;
