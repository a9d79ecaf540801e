package locker.bench.differential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import locker.contract.ApiRoute;
import locker.contract.AuthFields;

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

/**
 * How often the deployed races happen on two targets, over repeated concurrent rounds, each after a reset: not compared
 * answer for answer (who wins is chance) but counted, so that the two targets' frequencies can be set side by side.
 * Each round runs on both targets, one after the other, the first of them alternating from round to round, so that
 * whatever else the machine does at the time weighs on both alike.
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

    /** One target of the races: how to reach it and how to reset it. */
    record Target(WireClient client, TargetState state) {}

    /** What one round of a race, or several, counted on one target. */
    private record Tally(long count, long of, List<String> notes) {
        static final Tally NONE = new Tally(0, 0, List.of());

        Tally plus(Tally other) {
            List<String> all = new ArrayList<>(notes);
            all.addAll(other.notes);
            return new Tally(count + other.count, of + other.of, all);
        }
    }

    /** One race: what a round does on a target and what it counts. */
    private interface Race {
        Tally round(Target target, int round);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int rounds;
    private final ExecutorService pool;

    Races(int rounds, ExecutorService pool) {
        this.rounds = rounds;
        this.pool = pool;
    }

    /** Every race on both targets: element i of each list is race i. */
    List<List<Frequency>> measure(Target a, Target b) {
        List<Frequency> onA = new ArrayList<>();
        List<Frequency> onB = new ArrayList<>();
        count("same-locker", "(a) " + SAME_LOCKER_STUDENTS + " hold one locker: rounds whose winner's confirm is refused",
                "(a) " + SAME_LOCKER_STUDENTS
                + " students hold one locker at once, the winner confirms at once: rounds whose winner's confirm is refused",
                this::sameLocker, a, b, onA, onB);
        count("random-lockers", "(b) " + RANDOM_LOCKER_STUDENTS + " hold random lockers: winners whose confirm is refused",
                "(b) " + RANDOM_LOCKER_STUDENTS
                + " students hold lockers drawn at random, each winner confirms: winners whose confirm is refused",
                this::randomLockers, a, b, onA, onB);
        count("refreshes", "(c) " + REFRESHES + " refreshes of one refresh token: answered 200",
                "(c) " + REFRESHES + " refreshes of one refresh token at once: answered 200", this::refreshes, a, b, onA, onB);
        count("first-logins", "(d) " + FIRST_LOGINS + " first logins of one identity: answered 500",
                "(d) " + FIRST_LOGINS + " first logins of one identity at once: answered 500", this::firstLogins, a, b,
                onA, onB);
        return List.of(onA, onB);
    }

    private void count(String key, String label, String description, Race race, Target a, Target b,
                       List<Frequency> onA, List<Frequency> onB) {
        Tally[] totals = {Tally.NONE, Tally.NONE};
        Target[] targets = {a, b};
        for (int round = 0; round < rounds; round++) {
            for (int turn = 0; turn < 2; turn++) {
                int which = (round + turn) % 2;
                totals[which] = totals[which].plus(race.round(targets[which], round));
            }
        }
        onA.add(new Frequency(key, label, description, totals[0].count(), totals[0].of(), totals[0].notes()));
        onB.add(new Frequency(key, label, description, totals[1].count(), totals[1].of(), totals[1].notes()));
    }

    /** (a) 20 students hold the same locker at once; the winner confirms at once. */
    private Tally sameLocker(Target target, int round) {
        target.state().reset();
        List<String> tokens = logins(target.client(), SAME_LOCKER_STUDENTS, 0);
        int lockerId = LOCKERS.get(round % LOCKERS.size());
        List<int[]> answers = atOnce(tokens, token -> holdThenConfirm(target.client(), token, lockerId));
        long winners = answers.stream().filter(answer -> answer[0] == 201).count();
        boolean confirmRefused = answers.stream().anyMatch(answer -> answer[0] == 201 && answer[1] != 200);
        List<String> notes = new ArrayList<>();
        if (confirmRefused) {
            notes.add("round " + (round + 1) + ": the winner's confirm answered "
                    + answers.stream().filter(answer -> answer[0] == 201).map(answer -> Integer.toString(answer[1])).toList());
        }
        if (winners != 1) {
            notes.add("round " + (round + 1) + ": " + winners + " holds answered 201");
        }
        return new Tally(confirmRefused ? 1 : 0, 1, notes);
    }

    /** (b) 20 students hold lockers drawn at random (the same draw on both targets), each winner confirms. */
    private Tally randomLockers(Target target, int round) {
        target.state().reset();
        List<String> tokens = logins(target.client(), RANDOM_LOCKER_STUDENTS, 100);
        Random draw = new Random(round);
        List<Integer> lockers = new ArrayList<>();
        tokens.forEach(token -> lockers.add(LOCKERS.get(draw.nextInt(LOCKERS.size()))));
        List<int[]> answers = atOnceIndexed(tokens.size(),
                i -> holdThenConfirm(target.client(), tokens.get(i), lockers.get(i)));
        long winners = 0;
        long refused = 0;
        List<String> notes = new ArrayList<>();
        for (int[] answer : answers) {
            if (answer[0] == 201) {
                winners++;
                if (answer[1] != 200) {
                    refused++;
                    notes.add("round " + (round + 1) + ": a winner's confirm answered " + answer[1]);
                }
            }
        }
        return new Tally(refused, winners, notes);
    }

    /** (c) 8 refreshes of one refresh token at once. */
    private Tally refreshes(Target target, int round) {
        target.state().reset();
        Student student = Student.racer(200);
        WireAnswer login = target.client().exchange(Cases.login(student.loginJson()));
        String refreshToken = field(login, AuthFields.REFRESH_TOKEN);
        if (refreshToken == null) {
            return new Tally(0, REFRESHES, List.of("round " + (round + 1) + ": the login answered " + login.status()));
        }
        List<int[]> answers = atOnce(Collections.nCopies(REFRESHES, refreshToken), token -> new int[]{target.client()
                .exchange(WireRequest.post(ApiRoute.REFRESH.fullPath()).json(Cases.refreshJson(token))).status()});
        return new Tally(answers.stream().filter(answer -> answer[0] == 200).count(), REFRESHES, List.of());
    }

    /** (d) 10 first logins of one identity at once. */
    private Tally firstLogins(Target target, int round) {
        target.state().reset();
        Student student = Student.racer(300 + round);
        List<int[]> answers = atOnce(Collections.nCopies(FIRST_LOGINS, student.loginJson()),
                body -> new int[]{target.client().exchange(Cases.login(body)).status()});
        long created = answers.stream().filter(answer -> answer[0] == 201).count();
        List<String> notes = created == 1 ? List.of() : List.of("round " + (round + 1) + ": " + created + " logins answered 201");
        return new Tally(answers.stream().filter(answer -> answer[0] == 500).count(), FIRST_LOGINS, notes);
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
            String token = field(answer, AuthFields.ACCESS_TOKEN);
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
