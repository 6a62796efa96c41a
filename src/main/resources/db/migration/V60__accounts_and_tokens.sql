-- Who may sign in: people with a bcrypt password (the web console) and systems (the OA system) that
-- have no password and sign in with API tokens only. Roles are a comma-separated list of Role names.
CREATE TABLE app_user (
  username       VARCHAR(100)  PRIMARY KEY,
  password_hash  VARCHAR(100),
  roles          VARCHAR(200)  NOT NULL,
  enabled        BOOLEAN       NOT NULL,
  created_by     VARCHAR(200)  NOT NULL,
  created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Bearer tokens: only the SHA-256 of the token is stored (hex), never the token. kind LOGIN (a
-- console sign-in, revoked by logout) or API (issued by an administrator). A token acts with its own
-- roles, cut down to the roles its account holds at the time of use; a disabled account's tokens
-- stop working.
CREATE TABLE api_token (
  token_id      VARCHAR(36)   PRIMARY KEY,
  token_hash    VARCHAR(64)   NOT NULL UNIQUE,
  username      VARCHAR(100)  NOT NULL REFERENCES app_user (username),
  kind          VARCHAR(10)   NOT NULL,
  description   VARCHAR(200),
  roles         VARCHAR(200)  NOT NULL,
  created_by    VARCHAR(200)  NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  revoked_at    TIMESTAMP WITH TIME ZONE,
  revoked_by    VARCHAR(200)
);
CREATE INDEX api_token_username ON api_token (username);
