-- One registrar view for a cluster: every node reads and writes the same bindings, so a binding also says which
-- node took the REGISTER (for TCP and TLS that node holds the device's connection, and only it can ring the device
-- unless the REGISTER came through an edge proxy that recorded a Path) and the Path it came through (RFC 3327, the
-- route to the device, one entry per line, nearest the registrar first).
-- Rows stored before these columns were taken by a single node: null node means "whichever node reads it".
ALTER TABLE sip_bindings ADD COLUMN node_id VARCHAR(128);
ALTER TABLE sip_bindings ADD COLUMN path VARCHAR(2048);
