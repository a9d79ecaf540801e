-- The load test's own schema: the ledger of runs and, per unrestored run, its test users, the jtis of
-- its access tokens and a snapshot of every contract table taken just before its test data went in.
CREATE TABLE loadtest.runs (
    run_id           bigserial PRIMARY KEY,
    total_users      integer   NOT NULL,
    student_id_start bigint    NOT NULL,
    test_lockers     integer   NOT NULL,
    locker_id_first  integer,
    seeded_by        text      NOT NULL,
    seeded_at        timestamp NOT NULL DEFAULT now(),
    restored_at      timestamp,
    restored_exactly boolean,
    restore_summary  text
);
-- A second run cannot start while one is unrestored.
CREATE UNIQUE INDEX runs_one_unrestored ON loadtest.runs ((true)) WHERE restored_at IS NULL;

CREATE TABLE loadtest.run_users (
    run_id       bigint       NOT NULL REFERENCES loadtest.runs ON DELETE CASCADE,
    serial_id    bigint       NOT NULL,
    student_id   varchar(20)  NOT NULL,
    name         varchar(100) NOT NULL,
    phone_number varchar(32)  NOT NULL,
    PRIMARY KEY (run_id, serial_id)
);

CREATE TABLE loadtest.run_tokens (
    run_id bigint NOT NULL REFERENCES loadtest.runs ON DELETE CASCADE,
    jti    text   NOT NULL,
    PRIMARY KEY (run_id, jti)
);

CREATE TABLE loadtest.snapshot_users (
    run_id       bigint NOT NULL REFERENCES loadtest.runs ON DELETE CASCADE,
    serial_id    bigint NOT NULL,
    student_id   varchar(20),
    name         varchar(100),
    phone_number varchar(32),
    created_at   timestamp,
    updated_at   timestamp,
    PRIMARY KEY (run_id, serial_id)
);

CREATE TABLE loadtest.snapshot_locker_locations (
    run_id      bigint  NOT NULL REFERENCES loadtest.runs ON DELETE CASCADE,
    location_id integer NOT NULL,
    name        text,
    PRIMARY KEY (run_id, location_id)
);

CREATE TABLE loadtest.snapshot_locker_info (
    run_id           bigint  NOT NULL REFERENCES loadtest.runs ON DELETE CASCADE,
    locker_id        integer NOT NULL,
    location_id      integer,
    owner_student_id varchar(20),
    owner_serial_id  bigint,
    PRIMARY KEY (run_id, locker_id)
);

CREATE TABLE loadtest.snapshot_locker_assignments (
    run_id          bigint NOT NULL REFERENCES loadtest.runs ON DELETE CASCADE,
    assignment_id   bigint NOT NULL,
    locker_id       integer,
    user_serial_id  bigint,
    state           text,
    hold_expires_at timestamp,
    confirmed_at    timestamp,
    released_at     timestamp,
    created_at      timestamp,
    PRIMARY KEY (run_id, assignment_id)
);

CREATE TABLE loadtest.snapshot_auth_refresh_tokens (
    run_id         bigint NOT NULL REFERENCES loadtest.runs ON DELETE CASCADE,
    id             bigint NOT NULL,
    user_serial_id bigint,
    token_hash     text,
    issued_at      timestamp,
    expires_at     timestamp,
    revoked_at     timestamp,
    user_agent     text,
    ip             varchar(45),
    PRIMARY KEY (run_id, id)
);
