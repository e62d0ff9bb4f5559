-- Runs of a registry (quick builds and quick runs) and the queue agents take them from. run_id is ACR's style
-- ('ca' + base 36 of a number from run_counters, never handed out twice). request is the scheduled request as JSON,
-- secrets included: only the agent reads it whole. A Running run is held by agent until lease_until (epoch ms);
-- cancel_requested asks its agent to stop it. Times are epoch milliseconds.
CREATE TABLE run_counters (
    registry_id BIGINT NOT NULL PRIMARY KEY,
    last_number BIGINT NOT NULL
);

CREATE TABLE runs (
    seq ${identity},
    registry_id BIGINT NOT NULL,
    run_id VARCHAR(16) NOT NULL,
    status VARCHAR(16) NOT NULL,
    run_type VARCHAR(16) NOT NULL,
    created_at BIGINT NOT NULL,
    started_at BIGINT,
    finished_at BIGINT,
    updated_at BIGINT NOT NULL,
    output_images TEXT NOT NULL,
    platform VARCHAR(64) NOT NULL,
    error_message TEXT NOT NULL,
    request TEXT NOT NULL,
    agent VARCHAR(200),
    lease_until BIGINT,
    cancel_requested BOOLEAN NOT NULL,
    UNIQUE (registry_id, run_id)
);

CREATE INDEX runs_by_status ON runs (status, seq);
