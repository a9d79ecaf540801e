-- Schema of the locker reservation service as deployed (docs/deployed-service.md §9.2, the pg_dump of 2025-12-24):
-- the same columns in the same order, types, defaults, keys and constraint names. Every timestamp is without
-- time zone.
CREATE TYPE assignment_state AS ENUM ('hold', 'confirmed', 'cancelled', 'expired');

CREATE TABLE users (
    student_id   varchar(20)  NOT NULL,
    name         varchar(100) NOT NULL,
    phone_number varchar(32)  NOT NULL,
    created_at   timestamp    NOT NULL DEFAULT now(),
    updated_at   timestamp    NOT NULL DEFAULT now(),
    serial_id    bigint       NOT NULL,
    CONSTRAINT users_pkey PRIMARY KEY (serial_id),
    CONSTRAINT ux_users_ident UNIQUE (student_id, name, phone_number)
);

CREATE TABLE locker_locations (
    location_id integer NOT NULL,
    name        text    NOT NULL,
    CONSTRAINT locker_locations_pkey PRIMARY KEY (location_id),
    CONSTRAINT locker_locations_name_key UNIQUE (name)
);

CREATE TABLE locker_info (
    locker_id        integer     NOT NULL,
    owner_student_id varchar(20) DEFAULT NULL,
    location_id      integer     NOT NULL,
    owner_serial_id  bigint,
    CONSTRAINT locker_info_pkey PRIMARY KEY (locker_id),
    CONSTRAINT locker_info_owner_serial_id_key UNIQUE (owner_serial_id),
    CONSTRAINT fk_locker_location FOREIGN KEY (location_id) REFERENCES locker_locations (location_id),
    CONSTRAINT fk_locker_owner_serial FOREIGN KEY (owner_serial_id) REFERENCES users (serial_id) ON DELETE SET NULL
);

CREATE TABLE locker_assignments (
    assignment_id   bigserial        NOT NULL,
    locker_id       integer          NOT NULL,
    state           assignment_state NOT NULL,
    hold_expires_at timestamp,
    confirmed_at    timestamp,
    released_at     timestamp,
    created_at      timestamp        NOT NULL DEFAULT now(),
    user_serial_id  bigint           NOT NULL,
    CONSTRAINT locker_assignments_pkey PRIMARY KEY (assignment_id),
    CONSTRAINT fk_assignment_locker FOREIGN KEY (locker_id) REFERENCES locker_info (locker_id),
    CONSTRAINT fk_assignment_user_serial FOREIGN KEY (user_serial_id) REFERENCES users (serial_id) ON DELETE CASCADE
);
-- Deployed as idx_assignments_lookup, ux_active_assignment_per_locker and ux_active_assignment_per_user; the
-- project's own tests drop the two unique indexes by these names.
CREATE INDEX idx_locker_assignments_locker_state ON locker_assignments (locker_id, state);
CREATE UNIQUE INDEX uniq_active_assignment_per_locker
    ON locker_assignments (locker_id) WHERE state IN ('hold', 'confirmed');
CREATE UNIQUE INDEX uniq_active_assignment_per_user
    ON locker_assignments (user_serial_id) WHERE state IN ('hold', 'confirmed');

CREATE TABLE auth_refresh_tokens (
    id             bigserial   NOT NULL,
    token_hash     text        NOT NULL,
    issued_at      timestamp   NOT NULL DEFAULT now(),
    expires_at     timestamp   NOT NULL,
    revoked_at     timestamp,
    user_agent     text,
    ip             varchar(45),
    user_serial_id bigint      NOT NULL,
    CONSTRAINT auth_refresh_tokens_pkey PRIMARY KEY (id),
    CONSTRAINT auth_refresh_tokens_token_hash_key UNIQUE (token_hash),
    CONSTRAINT fk_refresh_user_serial FOREIGN KEY (user_serial_id) REFERENCES users (serial_id) ON DELETE CASCADE
);
CREATE INDEX idx_auth_refresh_tokens_user_serial_id ON auth_refresh_tokens (user_serial_id);
