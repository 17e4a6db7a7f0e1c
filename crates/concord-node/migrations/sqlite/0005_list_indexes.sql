-- Concord node store, version 5: indexes that the case list needs (issue #5, see
-- docs/performance.md, "Web UI and API under load").

-- The forms of exploitation and route countries of a case were reachable only by value
-- (their primary keys begin with the value): every page of the case list scanned the
-- whole `case_exploitation` table once per case shown, and deleting or replacing a case
-- scanned both tables for its rows (ON DELETE CASCADE). With 100,000 cases a page of 50
-- took 0.2 s.
CREATE INDEX case_exploitation_by_case ON case_exploitation (case_pk);
CREATE INDEX case_route_country_by_case ON case_route_country (case_pk);

-- The list is ordered newest first, and filtered most often by status. A case's row is
-- large (its details and sealed narrative), so reading rows only to learn their status
-- or date cost more than everything else; these indexes answer both.
DROP INDEX cases_by_date;
CREATE INDEX cases_by_date ON cases (registered_on DESC, case_id, status);
DROP INDEX cases_by_status;
CREATE INDEX cases_by_status ON cases (status, registered_on DESC, case_id);
DROP INDEX cases_by_unit;
CREATE INDEX cases_by_unit ON cases (unit, registered_on DESC, case_id, status);
