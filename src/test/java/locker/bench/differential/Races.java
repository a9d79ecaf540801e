package locker.bench.differential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.IntFunction;

import static locker.bench.differential.CaseRun.API;

/**
 * How often the deployed races happen on a target, over repeated concurrent rounds, each after a reset: not compared
 * answer for answer (who wins is chance) but counted, so that two targets' frequencies can be set side by side.
 */
final class Races {
    /** The deployed data set's 22 lockers. */
    static final List<Integer> LOCKERS = List.of(101, 102, 103, 104, 105, 106, 201, 202, 301, 302, 303, 304,
            401, 402, 403, 404, 501, 502, 503, 601, 602, 603);
    static final int SAME_LOCKER_STUDENTS = 20;
    static final int RANDOM_LOCKER_STUDENTS = 20;
    static final int REFRESHES = 8;
    static final int FIRST_LOGINS = 10;

    /** One race's count on one target: {@code count} of {@code of}, and what else was seen. */
    record Frequency(String key, String label, String description, long count, long of, List<String> notes) {
        String text() {
            return count + " of " + of;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int rounds;
    private final ExecutorService pool;

    Races(int rounds, ExecutorService pool) {
        this.rounds = rounds;
        this.pool = pool;
    }

    List<Frequency> measure(WireClient client, TargetState state) {
        return List.of(sameLocker(client, state), randomLockers(client, state), refreshes(client, state), firstLogins(client, state));
    }

    /** (a) 20 students hold the same locker at once; the winner confirms at once. */
    private Frequency sameLocker(WireClient client, TargetState state) {
        long refused = 0;
        List<String> notes = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            state.reset();
            List<String> tokens = logins(client, SAME_LOCKER_STUDENTS, 0);
            int lockerId = LOCKERS.get(round % LOCKERS.size());
            List<int[]> answers = atOnce(tokens, token -> holdThenConfirm(client, token, lockerId));
            long winners = answers.stream().filter(a -> a[0] == 201).count();
            boolean confirmRefused = answers.stream().anyMatch(a -> a[0] == 201 && a[1] != 200);
            if (confirmRefused) {
                refused++;
                notes.add("round " + (round + 1) + ": the winner's confirm answered "
                        + answers.stream().filter(a -> a[0] == 201).map(a -> Integer.toString(a[1])).toList());
            }
            if (winners != 1) {
                notes.add("round " + (round + 1) + ": " + winners + " holds answered 201");
            }
        }
        return new Frequency("same-locker", "(a) " + SAME_LOCKER_STUDENTS + " hold one locker: rounds whose winner's confirm is refused",
                "(a) " + SAME_LOCKER_STUDENTS
                + " students hold one locker at once, the winner confirms at once: rounds whose winner's confirm is refused",
                refused, rounds, notes);
    }

    /** (b) 20 students hold lockers drawn at random (the same draw on both targets), each winner confirms. */
    private Frequency randomLockers(WireClient client, TargetState state) {
        long refused = 0;
        long winners = 0;
        List<String> notes = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            state.reset();
            List<String> tokens = logins(client, RANDOM_LOCKER_STUDENTS, 100);
            Random draw = new Random(round);
            List<Integer> lockers = new ArrayList<>();
            tokens.forEach(t -> lockers.add(LOCKERS.get(draw.nextInt(LOCKERS.size()))));
            List<int[]> answers = atOnceIndexed(tokens.size(), i -> holdThenConfirm(client, tokens.get(i), lockers.get(i)));
            for (int[] a : answers) {
                if (a[0] == 201) {
                    winners++;
                    if (a[1] != 200) {
                        refused++;
                        notes.add("round " + (round + 1) + ": a winner's confirm answered " + a[1]);
                    }
                }
            }
        }
        return new Frequency("random-lockers", "(b) " + RANDOM_LOCKER_STUDENTS + " hold random lockers: winners whose confirm is refused",
                "(b) " + RANDOM_LOCKER_STUDENTS
                + " students hold lockers drawn at random, each winner confirms: winners whose confirm is refused",
                refused, winners, notes);
    }

    /** (c) 8 refreshes of one refresh token at once. */
    private Frequency refreshes(WireClient client, TargetState state) {
        long succeeded = 0;
        List<String> notes = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            state.reset();
            Student student = Student.racer(200);
            WireAnswer login = client.exchange(Cases.login(student.loginJson()));
            String refreshToken = field(login, "refresh_token");
            if (refreshToken == null) {
                notes.add("round " + (round + 1) + ": the login answered " + login.status());
                continue;
            }
            List<String> copies = Collections.nCopies(REFRESHES, refreshToken);
            List<int[]> answers = atOnce(copies, token -> new int[]{client.exchange(WireRequest.post(API + "/auth/refresh")
                    .json(Cases.refreshJson(token))).status()});
            succeeded += answers.stream().filter(a -> a[0] == 200).count();
        }
        return new Frequency("refreshes", "(c) " + REFRESHES + " refreshes of one refresh token: answered 200", "(c) " + REFRESHES + " refreshes of one refresh token at once: answered 200",
                succeeded, (long) REFRESHES * rounds, notes);
    }

    /** (d) 10 first logins of one identity at once. */
    private Frequency firstLogins(WireClient client, TargetState state) {
        long failed = 0;
        List<String> notes = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            state.reset();
            Student student = Student.racer(300 + round);
            List<String> bodies = Collections.nCopies(FIRST_LOGINS, student.loginJson());
            List<int[]> answers = atOnce(bodies, body -> new int[]{client.exchange(Cases.login(body)).status()});
            long errors = answers.stream().filter(a -> a[0] == 500).count();
            failed += errors;
            long created = answers.stream().filter(a -> a[0] == 201).count();
            if (created != 1) {
                notes.add("round " + (round + 1) + ": " + created + " logins answered 201");
            }
        }
        return new Frequency("first-logins", "(d) " + FIRST_LOGINS + " first logins of one identity: answered 500", "(d) " + FIRST_LOGINS + " first logins of one identity at once: answered 500",
                failed, (long) FIRST_LOGINS * rounds, notes);
    }

    private static int[] holdThenConfirm(WireClient client, String token, int lockerId) {
        int hold = client.exchange(Cases.locker(Integer.toString(lockerId), "hold", token)).status();
        if (hold != 201) {
            return new int[]{hold, 0};
        }
        return new int[]{hold, client.exchange(Cases.locker(Integer.toString(lockerId), "confirm", token)).status()};
    }

    /** Logs {@code count} racers in, one after another, and returns their access tokens. */
    private List<String> logins(WireClient client, int count, int first) {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            WireAnswer answer = client.exchange(Cases.login(Student.racer(first + i).loginJson()));
            String token = field(answer, "access_token");
            if (token == null) {
                throw new TargetState.Lost("a racer's login answered " + (answer.answered() ? answer.status()
                        : answer.outcome().text()), null);
            }
            tokens.add(token);
        }
        return tokens;
    }

    private static String field(WireAnswer answer, String name) {
        try {
            JsonNode json = JSON.readTree(answer.body());
            return json != null && json.path(name).isTextual() ? json.path(name).asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private <T> List<int[]> atOnce(List<T> inputs, Function<T, int[]> action) {
        return atOnceIndexed(inputs.size(), i -> action.apply(inputs.get(i)));
    }

    /** Runs {@code count} actions on the pool, all released at the same moment, and waits for every answer. */
    private List<int[]> atOnceIndexed(int count, IntFunction<int[]> action) {
        CountDownLatch ready = new CountDownLatch(count);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<int[]>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return action.apply(index);
            }));
        }
        try {
            ready.await();
            go.countDown();
            List<int[]> answers = new ArrayList<>();
            for (Future<int[]> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
