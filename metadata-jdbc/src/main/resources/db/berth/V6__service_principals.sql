-- Service principals: an id, a display name, whether enabled, and client secrets as a JSON array of names, hashes
-- and expiry times (never the secrets).
CREATE TABLE service_principals (
    id VARCHAR(128) ${ordered} PRIMARY KEY,
    display_name VARCHAR(256) NOT NULL,
    enabled BOOLEAN NOT NULL,
    secrets TEXT NOT NULL
);
