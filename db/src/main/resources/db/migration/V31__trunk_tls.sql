-- How Earpiece checks a TLS trunk's server and proves itself to it (used only when transport is 'tls'): a pinned
-- SHA-256 fingerprint of the carrier's certificate, or a CA file; a client certificate and key for mutual TLS.
-- Paths of PEM files on the Earpiece host, never the key itself. Existing rows: none set (the default CA applies).
ALTER TABLE sip_trunks ADD COLUMN tls_server_pin VARCHAR(100);
ALTER TABLE sip_trunks ADD COLUMN tls_trusted_ca VARCHAR(1024);
ALTER TABLE sip_trunks ADD COLUMN tls_client_certificate VARCHAR(1024);
ALTER TABLE sip_trunks ADD COLUMN tls_client_key VARCHAR(1024);
