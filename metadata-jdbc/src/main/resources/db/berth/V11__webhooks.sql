-- Webhooks of a registry. id is random and never reused; the webhook's outbox cursor is 'webhook:' || id in
-- event_cursors. custom_headers is a JSON object, actions a JSON array of ACR action names. The signing secret is
-- kept as given, since the sender needs it to sign.
CREATE TABLE webhooks (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    registry_id BIGINT NOT NULL,
    name VARCHAR(50) NOT NULL,
    service_uri TEXT NOT NULL,
    custom_headers TEXT NOT NULL,
    actions TEXT NOT NULL,
    scope TEXT NOT NULL,
    enabled BOOLEAN NOT NULL,
    signing_secret TEXT,
    created_at BIGINT NOT NULL,
    UNIQUE (registry_id, name)
);

-- Every attempt to deliver an event (or a ping) to a webhook. seq orders the history; headers are JSON objects
-- with secret values masked; status is 0 when the receiver did not answer.
CREATE TABLE webhook_deliveries (
    seq ${identity},
    id VARCHAR(36) NOT NULL UNIQUE,
    webhook_id VARCHAR(36) NOT NULL,
    event_id VARCHAR(36) NOT NULL,
    action VARCHAR(32) NOT NULL,
    attempt INTEGER NOT NULL,
    created_at BIGINT NOT NULL,
    request_uri TEXT NOT NULL,
    request_headers TEXT NOT NULL,
    request_body TEXT NOT NULL,
    status INTEGER NOT NULL,
    response_headers TEXT NOT NULL,
    response_body TEXT NOT NULL,
    duration_ms BIGINT NOT NULL,
    outcome VARCHAR(16) NOT NULL,
    error TEXT NOT NULL
);

CREATE INDEX webhook_deliveries_by_webhook ON webhook_deliveries (webhook_id, seq);
