-- Notifications to the OA system: webhook endpoints, a transactional outbox of events (written in the
-- transaction that produced the event), one delivery per event and endpoint, and every attempt.

CREATE TABLE webhook_endpoint (
  endpoint_id  VARCHAR(36)   PRIMARY KEY,
  name         VARCHAR(200)  NOT NULL,
  url          VARCHAR(2000) NOT NULL,
  secret       VARCHAR(200)  NOT NULL,
  events       VARCHAR(1000) NOT NULL,
  enabled      BOOLEAN       NOT NULL,
  deleted      BOOLEAN       NOT NULL,
  created_by   VARCHAR(200)  NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The outbox: the event as it is sent (body), once per event.
CREATE TABLE webhook_event (
  event_id     VARCHAR(36)   PRIMARY KEY,
  event_type   VARCHAR(40)   NOT NULL,
  occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  body         TEXT          NOT NULL
);

-- One delivery of one event to one endpoint. status PENDING (due at next_attempt_at), DELIVERED, or
-- GAVE_UP (older than the maximum age); claimed_until is a lease so two instances never send the same
-- delivery at once.
CREATE TABLE webhook_delivery (
  delivery_id      VARCHAR(36)   PRIMARY KEY,
  event_id         VARCHAR(36)   NOT NULL REFERENCES webhook_event (event_id),
  endpoint_id      VARCHAR(36)   NOT NULL REFERENCES webhook_endpoint (endpoint_id),
  status           VARCHAR(12)   NOT NULL,
  attempts         INTEGER       NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  claimed_by       VARCHAR(100),
  claimed_until    TIMESTAMP WITH TIME ZONE,
  last_attempt_at  TIMESTAMP WITH TIME ZONE,
  last_status      INTEGER,
  last_error       VARCHAR(2000),
  delivered_at     TIMESTAMP WITH TIME ZONE,
  redelivery_of    VARCHAR(36)
);

CREATE INDEX webhook_delivery_due ON webhook_delivery (status, next_attempt_at);
CREATE INDEX webhook_delivery_endpoint ON webhook_delivery (endpoint_id, created_at);

-- The delivery log: every attempt with its outcome.
CREATE TABLE webhook_attempt (
  delivery_id  VARCHAR(36)   NOT NULL REFERENCES webhook_delivery (delivery_id),
  attempt      INTEGER       NOT NULL,
  attempted_at TIMESTAMP WITH TIME ZONE NOT NULL,
  status_code  INTEGER,
  error        VARCHAR(2000),
  duration_ms  BIGINT        NOT NULL,
  instance     VARCHAR(100),
  CONSTRAINT webhook_attempt_pk PRIMARY KEY (delivery_id, attempt)
);
