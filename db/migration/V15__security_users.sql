-- People who sign in. The role is the highest held: ADMIN implies OPERATOR implies VIEWER.
CREATE TABLE users (
    username      text PRIMARY KEY CHECK (username ~ '^[a-z0-9][a-z0-9._@-]{0,63}$'),
    password_hash text NOT NULL,
    role          text NOT NULL CHECK (role IN ('VIEWER', 'OPERATOR', 'ADMIN')),
    enabled       boolean NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now(),
    created_by    text NOT NULL
);

-- Failed sign-ins per user name and per address, shared by every Headroom instance, so
-- spreading guesses over replicas gains nothing. A key is 'user:<name>' or 'address:<ip>'.
CREATE TABLE login_failures (
    key           text PRIMARY KEY,
    failures      int NOT NULL,
    last_failure  timestamptz NOT NULL,
    locked_until  timestamptz
);
