-- The highest registry id ever given. SQLite gives a new row the largest id plus one, so deleting the newest
-- registry would hand its id to the next one, and refresh tokens and remembered sign-ins that name a registry by id
-- (its admin account, its tokens) would reach the newcomer. Ids are therefore given explicitly, past this mark.
CREATE TABLE registry_id_high_water (
    id BIGINT NOT NULL
);
INSERT INTO registry_id_high_water (id) SELECT COALESCE(MAX(id), 0) FROM registries;
