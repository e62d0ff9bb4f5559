-- Each registry's network rules: public access on or off, the default action, and the allowed IPv4 ranges
-- (a JSON array of strings such as "10.0.0.0/8").
CREATE TABLE registry_network_rules (
    registry_id BIGINT PRIMARY KEY REFERENCES registries (id),
    public_network_access BOOLEAN NOT NULL,
    default_action VARCHAR(16) NOT NULL,
    allowed TEXT NOT NULL
);
