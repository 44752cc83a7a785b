-- Responses of creating POSTs, kept for a day so a retried request with the same
-- Idempotency-Key returns the first result instead of creating twice.
CREATE TABLE idempotency_keys (
    user_id       BIGINT NOT NULL,
    idem_key      TEXT NOT NULL,
    request_hash  TEXT NOT NULL,
    -- NULL while the first request is still being served.
    status_code   INTEGER,
    content_type  TEXT,
    response_body TEXT,
    created_at    TIMESTAMP NOT NULL,
    PRIMARY KEY (user_id, idem_key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
