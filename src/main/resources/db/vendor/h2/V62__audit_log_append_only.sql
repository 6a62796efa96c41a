-- H2 (the demo database) has no SQL triggers without Java classes on the database's class path; the
-- application itself has no update or delete path for audit_log. This keeps the version numbers of
-- both databases the same.
SELECT 1;
