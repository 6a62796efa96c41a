-- Appeals (申诉) against stored outcomes and the reviewers' decisions (复核). Nothing here changes an
-- outcome: the machine outcome stays as the run stored it, decisions are appended (never updated or
-- deleted), and the effective outcome is the machine outcome with the latest decision applied.
-- No foreign keys to outcome: outcomes are never deleted in production, and an appeal must survive
-- housekeeping of runs it does not belong to; the service checks the outcome exists when filing.

CREATE TABLE appeal (
  appeal_id       VARCHAR(36)   PRIMARY KEY,
  outcome_id      VARCHAR(40)   NOT NULL,
  run_id          VARCHAR(36)   NOT NULL,
  period          VARCHAR(10)   NOT NULL,
  subject_id      VARCHAR(200)  NOT NULL,
  rule_id         VARCHAR(40)   NOT NULL,
  filed_by        VARCHAR(200)  NOT NULL,
  filed_by_address VARCHAR(100),
  filed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  reason          TEXT          NOT NULL,
  attachment      VARCHAR(2000)
);

CREATE INDEX appeal_outcome ON appeal (outcome_id);
CREATE INDEX appeal_filed ON appeal (filed_at);

-- One row per decision, numbered per appeal; the highest seq is in force.
CREATE TABLE appeal_decision (
  decision_id     VARCHAR(36)   PRIMARY KEY,
  appeal_id       VARCHAR(36)   NOT NULL REFERENCES appeal (appeal_id),
  seq             INTEGER       NOT NULL,
  decision        VARCHAR(10)   NOT NULL,
  reason          TEXT          NOT NULL,
  measure         VARCHAR(40),
  amount_yuan     BIGINT,
  duration_days   INTEGER,
  duration_hours  INTEGER,
  decided_by      VARCHAR(200)  NOT NULL,
  decided_by_address VARCHAR(100),
  decided_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT appeal_decision_seq UNIQUE (appeal_id, seq)
);

-- A re-evaluation of a period whose outcome was appealed links the new run's outcome (same rule,
-- subject and period) to the appealed one; new_outcome_id is null when the new run no longer decides
-- anything for that rule and subject.
CREATE TABLE outcome_link (
  appealed_outcome_id VARCHAR(40)  NOT NULL,
  new_run_id          VARCHAR(36)  NOT NULL,
  new_outcome_id      VARCHAR(40),
  appeal_id           VARCHAR(36)  NOT NULL,
  match_kind          VARCHAR(20)  NOT NULL,
  linked_at           TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX outcome_link_appealed ON outcome_link (appealed_outcome_id);
CREATE INDEX outcome_link_new ON outcome_link (new_outcome_id);
