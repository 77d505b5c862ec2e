-- Media encryption per trunk and per SIP user: off (clear RTP only), optional (SRTP when offered, offered
-- best-effort) or mandatory (SRTP only; a clear offer gets 488). Existing rows take the default, optional.
ALTER TABLE sip_trunks ADD COLUMN srtp VARCHAR(16) DEFAULT 'optional' NOT NULL;
ALTER TABLE sip_users ADD COLUMN srtp VARCHAR(16) DEFAULT 'optional' NOT NULL;
