-- Each registry's admin account: whether it is enabled, and its two passwords as a JSON array of names, hashes and
-- expiry times (never the passwords).
CREATE TABLE registry_admin_accounts (
    registry_id BIGINT PRIMARY KEY REFERENCES registries (id),
    enabled BOOLEAN NOT NULL,
    passwords TEXT NOT NULL
);
