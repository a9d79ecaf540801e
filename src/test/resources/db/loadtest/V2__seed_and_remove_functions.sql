-- Seeding and removal as set-based SQL, one call each inside the caller's transaction. The run's
-- ledger row carries the counts and ranges; loadtest.run_users holds its users (uploaded by COPY).

-- Snapshots every contract table, inserts the run's users and its test lockers (ids from the next
-- multiple of 10000 above every existing locker, spread round-robin over the existing locations).
CREATE FUNCTION loadtest.seed_run(p_run bigint) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    plan         loadtest.runs;
    locations    integer[];
    first_locker integer;
BEGIN
    SELECT * INTO STRICT plan FROM loadtest.runs WHERE run_id = p_run AND restored_at IS NULL;

    INSERT INTO loadtest.snapshot_users
    SELECT p_run, serial_id, student_id, name, phone_number, created_at, updated_at FROM public.users;
    INSERT INTO loadtest.snapshot_locker_locations
    SELECT p_run, location_id, name FROM public.locker_locations;
    INSERT INTO loadtest.snapshot_locker_info
    SELECT p_run, locker_id, location_id, owner_student_id, owner_serial_id FROM public.locker_info;
    INSERT INTO loadtest.snapshot_locker_assignments
    SELECT p_run, assignment_id, locker_id, user_serial_id, state::text, hold_expires_at, confirmed_at,
           released_at, created_at
    FROM public.locker_assignments;
    INSERT INTO loadtest.snapshot_auth_refresh_tokens
    SELECT p_run, id, user_serial_id, token_hash, issued_at, expires_at, revoked_at, user_agent, ip
    FROM public.auth_refresh_tokens;

    INSERT INTO public.users (serial_id, student_id, name, phone_number)
    SELECT serial_id, student_id, name, phone_number FROM loadtest.run_users WHERE run_id = p_run;

    IF plan.test_lockers > 0 THEN
        SELECT array_agg(location_id ORDER BY location_id) INTO locations FROM public.locker_locations;
        IF locations IS NULL THEN
            RAISE EXCEPTION 'test lockers need a location, and locker_locations is empty';
        END IF;
        SELECT (coalesce(max(locker_id), 0) / 10000 + 1)::bigint * 10000 INTO first_locker FROM public.locker_info;
        IF first_locker::bigint + plan.test_lockers > 2147483647 THEN
            RAISE EXCEPTION 'no room for % test lockers above locker id %', plan.test_lockers, first_locker;
        END IF;
        INSERT INTO public.locker_info (locker_id, location_id)
        SELECT first_locker + i, locations[1 + i % array_length(locations, 1)]
        FROM generate_series(0, plan.test_lockers - 1) AS i;
    END IF;

    UPDATE loadtest.runs SET locker_id_first = first_locker WHERE run_id = p_run;
    RETURN first_locker;
END
$$;

-- Removes every row of the run's test data and nothing else: rows of its users (matched on the whole
-- identity, not only serial_id), ownership its users took, and its test lockers (ids of its range that
-- the snapshot does not hold) together with any assignment on them.
CREATE FUNCTION loadtest.remove_run(p_run bigint)
RETURNS TABLE (owners_cleared bigint, assignments_deleted bigint, refresh_tokens_deleted bigint,
               users_deleted bigint, lockers_deleted bigint)
LANGUAGE plpgsql AS $$
DECLARE
    plan loadtest.runs;
BEGIN
    SELECT * INTO STRICT plan FROM loadtest.runs WHERE run_id = p_run;

    CREATE TEMP TABLE run_test_lockers ON COMMIT DROP AS
    SELECT li.locker_id FROM public.locker_info li
    WHERE plan.locker_id_first IS NOT NULL
      AND li.locker_id BETWEEN plan.locker_id_first AND plan.locker_id_first + plan.test_lockers - 1
      AND NOT EXISTS (SELECT 1 FROM loadtest.snapshot_locker_info s
                      WHERE s.run_id = p_run AND s.locker_id = li.locker_id);

    UPDATE public.locker_info SET owner_student_id = NULL, owner_serial_id = NULL
    WHERE owner_serial_id IN (SELECT serial_id FROM loadtest.run_users WHERE run_id = p_run);
    GET DIAGNOSTICS owners_cleared = ROW_COUNT;

    DELETE FROM public.locker_assignments
    WHERE user_serial_id IN (SELECT serial_id FROM loadtest.run_users WHERE run_id = p_run)
       OR locker_id IN (SELECT locker_id FROM run_test_lockers);
    GET DIAGNOSTICS assignments_deleted = ROW_COUNT;

    DELETE FROM public.auth_refresh_tokens
    WHERE user_serial_id IN (SELECT serial_id FROM loadtest.run_users WHERE run_id = p_run);
    GET DIAGNOSTICS refresh_tokens_deleted = ROW_COUNT;

    DELETE FROM public.users u USING loadtest.run_users t
    WHERE t.run_id = p_run AND u.serial_id = t.serial_id AND u.student_id = t.student_id
      AND u.name = t.name AND u.phone_number = t.phone_number;
    GET DIAGNOSTICS users_deleted = ROW_COUNT;

    DELETE FROM public.locker_info WHERE locker_id IN (SELECT locker_id FROM run_test_lockers);
    GET DIAGNOSTICS lockers_deleted = ROW_COUNT;

    DROP TABLE run_test_lockers;
    RETURN NEXT;
END
$$;
