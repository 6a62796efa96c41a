-- Ruleset versions and the schedule of which version is in force. The schedule lives here, not in
-- memory, so several Kaohe instances on one database follow the same activations (each polls
-- ruleset_activation and switches within seconds).

-- One version: the content hash of its rule files, the files themselves, who stored it, the checks it
-- passed or failed, and the file-level diff against the version it was based on. A version that failed
-- its checks is kept for the record (editors see why) but can never be activated.
CREATE TABLE ruleset_version (
  version                 VARCHAR(80)  PRIMARY KEY,
  seq                     BIGINT       NOT NULL,
  parent_version          VARCHAR(80),
  origin                  VARCHAR(20)  NOT NULL,
  author                  VARCHAR(200) NOT NULL,
  author_address          VARCHAR(100),
  created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
  comment                 TEXT,
  status                  VARCHAR(30)  NOT NULL,
  rule_count              INTEGER      NOT NULL,
  file_count              INTEGER      NOT NULL,
  check_report            TEXT         NOT NULL,
  checked_at              TIMESTAMP WITH TIME ZONE NOT NULL,
  parent_diff             TEXT         NOT NULL,
  expectations_updated_by VARCHAR(200),
  picked_up_at            TIMESTAMP WITH TIME ZONE,
  CONSTRAINT ruleset_version_seq UNIQUE (seq)
);

-- The files of a version, byte for byte (decision tables may be XLSX); scenario expectations shipped
-- with a version live under scenarios/<name>/.
CREATE TABLE ruleset_file (
  version    VARCHAR(80)  NOT NULL REFERENCES ruleset_version (version),
  path       VARCHAR(500) NOT NULL,
  sha256     VARCHAR(80)  NOT NULL,
  size_bytes INTEGER      NOT NULL,
  content    BYTEA        NOT NULL,
  CONSTRAINT ruleset_file_pk PRIMARY KEY (version, path)
);

-- The audit log and the schedule in one: every activation and rollback, in order (seq). The version in
-- force for a period is that of the latest activation not rolled back whose effective_from is on or
-- before the period's first day (no effective_from: every period). A rollback revokes the latest
-- activation (revoked_by_seq) and is itself a row.
CREATE TABLE ruleset_activation (
  seq              BIGINT       PRIMARY KEY,
  action           VARCHAR(20)  NOT NULL,
  version          VARCHAR(80)  NOT NULL REFERENCES ruleset_version (version),
  previous_version VARCHAR(80),
  effective_from   DATE,
  actor            VARCHAR(200) NOT NULL,
  actor_address    VARCHAR(100),
  activated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  reason           TEXT         NOT NULL,
  forced           BOOLEAN      NOT NULL,
  rollback         BOOLEAN      NOT NULL,
  reverts_seq      BIGINT,
  revoked_by_seq   BIGINT
);

CREATE INDEX ruleset_activation_version ON ruleset_activation (version);

-- Storing a version and changing the schedule take this row's lock (SELECT … FOR UPDATE), so two
-- instances activating at once are serialised: sequence numbers have no gaps and every activation
-- records the version it really replaced.
CREATE TABLE ruleset_lock (
  id INTEGER PRIMARY KEY
);

INSERT INTO ruleset_lock (id) VALUES (1);
