-- Repository-scoped tokens and the scope maps they hold, per registry. A scope map's actions and a token's
-- passwords (names, hashes and expiry times; never the passwords) are JSON arrays.
CREATE TABLE scope_maps (
    registry_id BIGINT NOT NULL REFERENCES registries (id),
    name VARCHAR(64) ${ordered} NOT NULL,
    description TEXT NOT NULL,
    actions TEXT NOT NULL,
    PRIMARY KEY (registry_id, name)
);

CREATE TABLE registry_tokens (
    registry_id BIGINT NOT NULL REFERENCES registries (id),
    name VARCHAR(64) ${ordered} NOT NULL,
    scope_map VARCHAR(64) NOT NULL,
    enabled BOOLEAN NOT NULL,
    passwords TEXT NOT NULL,
    PRIMARY KEY (registry_id, name)
);
