-- Quarantine as ACR's scanners set it on a manifest (PATCH /acr/v1/<repo>/_manifests/<digest>): the state (Passed or
-- Failed), and the scanner's details, a JSON document kept as the string it sent. Both stay null until a scanner
-- sets them. A quarantine policy, later, reads them to decide what may be pulled.
ALTER TABLE manifests ADD COLUMN quarantine_state VARCHAR(16);
ALTER TABLE manifests ADD COLUMN quarantine_details TEXT;

-- The delivery history is pruned by age.
CREATE INDEX webhook_deliveries_by_time ON webhook_deliveries (created_at);
