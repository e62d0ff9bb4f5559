-- The data plane: registries, repositories, blob links, manifests with their references, tags, uploads.
-- Placeholders: ${identity} is the dialect's auto-numbered primary key, ${bytes} its binary type, ${ordered} the
-- collation that sorts text by bytes (lexical order for the OCI listings).

CREATE TABLE registries (
    id ${identity},
    name VARCHAR(64) ${ordered} NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
);

CREATE TABLE repositories (
    id ${identity},
    registry_id BIGINT NOT NULL REFERENCES registries (id),
    name VARCHAR(255) ${ordered} NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (registry_id, name)
);

-- A blob is readable from a repository only while linked to it.
CREATE TABLE blob_links (
    repository_id BIGINT NOT NULL REFERENCES repositories (id),
    digest VARCHAR(200) NOT NULL,
    size BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (repository_id, digest)
);
CREATE INDEX blob_links_by_digest ON blob_links (digest);

-- Manifests byte for byte; subject and artifact_type feed the referrers API.
CREATE TABLE manifests (
    repository_id BIGINT NOT NULL REFERENCES repositories (id),
    digest VARCHAR(200) NOT NULL,
    media_type VARCHAR(255) NOT NULL,
    size BIGINT NOT NULL,
    content ${bytes} NOT NULL,
    artifact_type VARCHAR(255),
    subject VARCHAR(200),
    annotations TEXT,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (repository_id, digest)
);
CREATE INDEX manifests_by_subject ON manifests (repository_id, subject);

-- Every blob and child manifest a manifest names, for garbage collection and usage.
CREATE TABLE manifest_references (
    repository_id BIGINT NOT NULL,
    manifest_digest VARCHAR(200) NOT NULL,
    referenced_digest VARCHAR(200) NOT NULL,
    PRIMARY KEY (repository_id, manifest_digest, referenced_digest),
    FOREIGN KEY (repository_id, manifest_digest) REFERENCES manifests (repository_id, digest) ON DELETE CASCADE
);
CREATE INDEX manifest_references_by_target ON manifest_references (repository_id, referenced_digest);

CREATE TABLE tags (
    repository_id BIGINT NOT NULL,
    name VARCHAR(128) ${ordered} NOT NULL,
    digest VARCHAR(200) NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (repository_id, name),
    FOREIGN KEY (repository_id, digest) REFERENCES manifests (repository_id, digest) ON DELETE CASCADE
);
CREATE INDEX tags_by_digest ON tags (repository_id, digest);

CREATE TABLE uploads (
    id VARCHAR(64) PRIMARY KEY,
    repository_id BIGINT NOT NULL REFERENCES repositories (id),
    started_at BIGINT NOT NULL
);
CREATE INDEX uploads_by_start ON uploads (started_at);
