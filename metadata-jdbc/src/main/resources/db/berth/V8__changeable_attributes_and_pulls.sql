-- ACR's metadata API. Changeable attributes (locks) live on the repository, tag and manifest rows they belong to, so
-- they go when the row goes; all four are on until changed. Tags learn when they were created and, like manifests,
-- when they were last pulled (written in batches). Manifests learn when they were last pushed and what the metadata
-- API shows of them, read at push: the config's media type, the platform, the size with everything named, and an
-- index's children with their platforms (a JSON array of {digest, architecture, os}). Manifests pushed before this
-- migration have none of these until pushed again.
ALTER TABLE repositories ADD COLUMN delete_enabled BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE repositories ADD COLUMN write_enabled BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE repositories ADD COLUMN read_enabled BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE repositories ADD COLUMN list_enabled BOOLEAN NOT NULL DEFAULT TRUE;

ALTER TABLE tags ADD COLUMN delete_enabled BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE tags ADD COLUMN write_enabled BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE tags ADD COLUMN read_enabled BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE tags ADD COLUMN list_enabled BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE tags ADD COLUMN created_at BIGINT;
ALTER TABLE tags ADD COLUMN last_pulled_at BIGINT;
UPDATE tags SET created_at = updated_at;
CREATE INDEX tags_by_update ON tags (repository_id, updated_at);

ALTER TABLE manifests ADD COLUMN delete_enabled BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE manifests ADD COLUMN write_enabled BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE manifests ADD COLUMN read_enabled BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE manifests ADD COLUMN list_enabled BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE manifests ADD COLUMN updated_at BIGINT;
ALTER TABLE manifests ADD COLUMN last_pulled_at BIGINT;
ALTER TABLE manifests ADD COLUMN config_media_type VARCHAR(255);
ALTER TABLE manifests ADD COLUMN architecture VARCHAR(64);
ALTER TABLE manifests ADD COLUMN os VARCHAR(64);
ALTER TABLE manifests ADD COLUMN image_size BIGINT;
ALTER TABLE manifests ADD COLUMN platforms TEXT;
UPDATE manifests SET updated_at = created_at;
CREATE INDEX manifests_by_update ON manifests (repository_id, updated_at);
