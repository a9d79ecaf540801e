-- Schema of the locker reservation service, as in the contract (shared/locker-api.md).
CREATE TYPE assignment_state AS ENUM ('hold', 'confirmed', 'cancelled', 'expired');

CREATE TABLE users (
    serial_id    bigint       PRIMARY KEY,
    student_id   varchar(20)  NOT NULL,
    name         varchar(100) NOT NULL,
    phone_number varchar(32)  NOT NULL,
    created_at   timestamp    NOT NULL DEFAULT now(),
    updated_at   timestamp    NOT NULL DEFAULT now(),
    CONSTRAINT users_identity_key UNIQUE (student_id, name, phone_number)
);

CREATE TABLE locker_locations (
    location_id integer PRIMARY KEY,
    name        text    NOT NULL UNIQUE
);

CREATE TABLE locker_info (
    locker_id        integer     PRIMARY KEY,
    location_id      integer     NOT NULL REFERENCES locker_locations (location_id),
    owner_student_id varchar(20),
    owner_serial_id  bigint      UNIQUE REFERENCES users (serial_id) ON DELETE SET NULL
);

CREATE TABLE locker_assignments (
    assignment_id   bigserial        PRIMARY KEY,
    locker_id       integer          NOT NULL REFERENCES locker_info (locker_id),
    user_serial_id  bigint           NOT NULL REFERENCES users (serial_id) ON DELETE CASCADE,
    state           assignment_state NOT NULL,
    hold_expires_at timestamp,
    confirmed_at    timestamp,
    released_at     timestamp,
    created_at      timestamp        NOT NULL DEFAULT now()
);
CREATE INDEX idx_locker_assignments_locker_state ON locker_assignments (locker_id, state);
CREATE UNIQUE INDEX uniq_active_assignment_per_locker
    ON locker_assignments (locker_id) WHERE state IN ('hold', 'confirmed');
CREATE UNIQUE INDEX uniq_active_assignment_per_user
    ON locker_assignments (user_serial_id) WHERE state IN ('hold', 'confirmed');

CREATE TABLE auth_refresh_tokens (
    id             bigserial   PRIMARY KEY,
    user_serial_id bigint      NOT NULL REFERENCES users (serial_id) ON DELETE CASCADE,
    token_hash     text        NOT NULL UNIQUE,
    issued_at      timestamp   NOT NULL DEFAULT now(),
    expires_at     timestamp   NOT NULL,
    revoked_at     timestamp,
    user_agent     text,
    ip             varchar(45)
);
CREATE INDEX idx_auth_refresh_tokens_user ON auth_refresh_tokens (user_serial_id);
