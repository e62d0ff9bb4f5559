-- Each registry's service tier (Basic, Standard, Premium), and roles held on the whole installation (Owner,
-- Contributor, Reader), which reach every registry.
ALTER TABLE registries ADD COLUMN tier VARCHAR(16) NOT NULL DEFAULT 'Basic';

CREATE TABLE installation_role_assignments (
    subject VARCHAR(300) NOT NULL,
    role VARCHAR(64) NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (subject, role)
);
