-- Whether each leg of a call was encrypted, for the call views (issue 18): the SIP transport its INVITE came over
-- (udp, tcp, tls) and whether its media was SRTP. Null where not known (legs stored before this, uploads, relayed
-- B2BUA legs).
ALTER TABLE call_parties ADD COLUMN sip_transport VARCHAR(8);
ALTER TABLE call_parties ADD COLUMN srtp BOOLEAN;
