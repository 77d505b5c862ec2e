-- RFC 5626 outbound: a binding registered with +sip.instance and reg-id over TCP/TLS is a flow, reached over the
-- connection named by source and dropped when that connection ends (by source: sip_bindings_source_idx).
ALTER TABLE sip_bindings ADD COLUMN instance_id VARCHAR(255);
ALTER TABLE sip_bindings ADD COLUMN reg_id INTEGER NOT NULL DEFAULT 0;
CREATE INDEX sip_bindings_source_idx ON sip_bindings (source);
