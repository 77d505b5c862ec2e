-- Names, not roles: where each speaker's display name came from, so a recomputed name never overwrites one a user
-- gave. user: renamed by a person; account: the rep's user account; recording: the SIPREC participant's name;
-- call: said in the call (with the name finder's confidence); role: none found, the party's label.
ALTER TABLE call_speakers ADD COLUMN name_source VARCHAR(16) DEFAULT 'role' NOT NULL;
ALTER TABLE call_speakers ADD COLUMN name_confidence DOUBLE PRECISION;
-- before this version a display name other than the label could only have been typed by a user
UPDATE call_speakers SET name_source = 'user' WHERE display_name <> speaker;
