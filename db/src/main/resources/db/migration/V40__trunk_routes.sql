-- Outbound routing over several trunks: the number prefixes a trunk takes ('X' any digit, comma-separated; empty:
-- every number) and its priority (lower first; ties go to the longer matching prefix, then the older trunk). A trunk
-- that fails as a server (5xx, 408) hands the call to the next. Existing rows take every number at one priority,
-- which keeps the old order (oldest first).
ALTER TABLE sip_trunks ADD COLUMN route_patterns VARCHAR(512) DEFAULT '' NOT NULL;
ALTER TABLE sip_trunks ADD COLUMN route_priority INT DEFAULT 100 NOT NULL;
