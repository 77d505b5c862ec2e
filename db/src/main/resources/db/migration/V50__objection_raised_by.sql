-- Who raised each stored objection: the summary's party ("customer", or a further party of a SIPREC call such as
-- "customer-2"). Rows stored before this column were all the customer's, and the API reads null as "customer".
ALTER TABLE summary_objections ADD COLUMN raised_by VARCHAR(64);
