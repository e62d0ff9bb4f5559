-- Identities: local users (passwords only as hashes), role assignments, and each registry's access settings.

CREATE TABLE users (
    name VARCHAR(128) ${ordered} PRIMARY KEY,
    password_hash VARCHAR(512) NOT NULL,
    installation_admin BOOLEAN NOT NULL,
    enabled BOOLEAN NOT NULL,
    created_at BIGINT NOT NULL
);

-- subject is "<kind>:<name>", e.g. user:alice; repository_pattern is *, a name, or a prefix ending in /*.
CREATE TABLE role_assignments (
    subject VARCHAR(300) NOT NULL,
    registry_id BIGINT NOT NULL REFERENCES registries (id),
    repository_pattern VARCHAR(300) NOT NULL,
    role VARCHAR(64) NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (subject, registry_id, repository_pattern, role)
);

CREATE TABLE registry_access (
    registry_id BIGINT PRIMARY KEY REFERENCES registries (id),
    anonymous_pull BOOLEAN NOT NULL
);
