package locker.loadtest.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import locker.config.SeedPlan;
import locker.contract.ApiRoute;
import locker.contract.AuthFields;
import locker.contract.LockerAnswer;
import locker.loadtest.anomalies.Call;
import locker.loadtest.anomalies.RecordedRequest;
import locker.testdata.TestDataSummary;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a run without its database does at its end, against a server at BASE_URL (RUN_WITHOUT_DATABASE): it cannot
 * restore, so it gives back through the API every locker a test student still holds (release-hold) or owns (release),
 * and logs every student out (their refresh token revoked, their access token blacklisted), reading from the run's
 * journal what each student took and the tokens each login gave. What the API cannot remove (the test users
 * themselves) is listed, and so is every locker whose give-back failed.
 */
final class GiveBack {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PARALLEL = 16;

    /** One locker a student still holds or owns at the end of the run. */
    record Taken(String student, int locker, boolean owned) {}

    /** A student's tokens, from their last login. */
    record Tokens(String access, String refresh) {}

    /** What was given back and what stays. */
    record Result(int holdsGivenBack, int lockersReleased, int alreadyGone, int loggedOut, int students,
                  List<String> failures) {
        TestDataSummary summary(SeedPlan plan) {
            List<String> left = new ArrayList<>();
            left.add("test users " + plan.studentIds() + " (" + students
                    + " registered by their login; the API cannot remove a user) and their refresh tokens, revoked by"
                    + " the logout");
            left.add("their locker_assignments rows: released and expired ones stay as history (a given-up hold's row"
                    + " is deleted)");
            left.add("the blacklist entries of their logged-out access tokens in Redis, until those tokens would have"
                    + " expired");
            left.addAll(failures);
            return TestDataSummary.of(plan).withoutDatabase("not restored (no database): gave back " + holdsGivenBack
                            + " holds and released " + lockersReleased + " lockers through the API (" + alreadyGone
                            + " already gone), logged out " + loggedOut + " of " + students + " students",
                    left, lockersLeft());
        }

        int lockersLeft() {
            return (int) failures.stream().filter(failure -> failure.startsWith("locker ")).count();
        }
    }

    private GiveBack() {}

    static Result run(String baseUrl, List<RecordedRequest> journal, Duration timeout) {
        List<RecordedRequest> requests = new ArrayList<>(journal);
        requests.sort(Comparator.comparingLong(RecordedRequest::startMillis));
        List<Taken> taken = stillTaken(requests);
        Map<String, Tokens> tokens = tokens(requests);
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger holds = new AtomicInteger();
        AtomicInteger released = new AtomicInteger();
        AtomicInteger gone = new AtomicInteger();
        AtomicInteger loggedOut = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (Taken locker : taken) {
                work.add(pool.submit(() -> giveBack(client, baseUrl, timeout, locker, tokens.get(locker.student()),
                        holds, released, gone, failures)));
            }
            await(work);
            work.clear();
            tokens.forEach((student, studentTokens) -> work.add(pool.submit(() -> {
                HttpResponse<String> answer = send(client, baseUrl + ApiRoute.LOG_OUT.fullPath(), timeout,
                        studentTokens.access(), AuthFields.logoutBody(studentTokens.refresh()));
                if (answer != null && answer.statusCode() == 200) {
                    loggedOut.incrementAndGet();
                } else {
                    failures.add("the tokens of " + student + ": logout answered " + describe(answer));
                }
            })));
            await(work);
        } finally {
            pool.shutdownNow();
        }
        return new Result(holds.get(), released.get(), gone.get(), loggedOut.get(), tokens.size(), List.copyOf(failures));
    }

    /** Each locker a student won and neither gave back, released, nor lost (a refused confirm or give-up), by the journal. */
    static List<Taken> stillTaken(List<RecordedRequest> requests) {
        Map<String, Taken> taken = new LinkedHashMap<>();
        for (RecordedRequest request : requests) {
            String key = request.student() + "#" + request.lockerId();
            LockerAnswer answer = request.lockerAnswer();
            switch (request.call()) {
                case HOLD -> {
                    if (answer == LockerAnswer.HELD) {
                        taken.put(key, new Taken(request.student(), request.lockerId(), false));
                    }
                }
                case CONFIRM -> {
                    if (answer == LockerAnswer.CONFIRMED) {
                        taken.put(key, new Taken(request.student(), request.lockerId(), true));
                    } else if (answer == LockerAnswer.CONFIRM_REFUSED) {
                        taken.remove(key);
                    }
                }
                case GIVE_UP -> {
                    if (answer == LockerAnswer.GAVE_UP || answer == LockerAnswer.GIVE_UP_REFUSED) {
                        taken.remove(key);
                    }
                }
                case RELEASE -> {
                    if (request.status() == 200) {
                        taken.remove(key);
                    }
                }
                default -> { }
            }
        }
        return List.copyOf(taken.values());
    }

    /** Each student's tokens from their last answered login (the journal keeps login answers in a run without its database). */
    static Map<String, Tokens> tokens(List<RecordedRequest> requests) {
        Map<String, Tokens> tokens = new LinkedHashMap<>();
        for (RecordedRequest request : requests) {
            if (request.call() == Call.LOG_IN && request.status() / 100 == 2 && request.body() != null) {
                try {
                    JsonNode answer = JSON.readTree(request.body());
                    JsonNode access = answer.path(AuthFields.ACCESS_TOKEN);
                    JsonNode refresh = answer.path(AuthFields.REFRESH_TOKEN);
                    if (access.isTextual() && refresh.isTextual()) {
                        tokens.put(request.student(), new Tokens(access.asText(), refresh.asText()));
                    }
                } catch (IOException notALoginAnswer) {
                    // a 2xx login the scenario refused; nothing to log out
                }
            }
        }
        return tokens;
    }

    private static void giveBack(HttpClient client, String baseUrl, Duration timeout, Taken locker, Tokens tokens,
                                 AtomicInteger holds, AtomicInteger released, AtomicInteger gone, List<String> failures) {
        String what = "locker " + locker.locker() + (locker.owned() ? " owned" : " held") + " by " + locker.student();
        if (tokens == null) {
            failures.add(what + ": no token to give it back with");
            return;
        }
        ApiRoute route = locker.owned() ? ApiRoute.RELEASE : ApiRoute.RELEASE_HOLD;
        HttpResponse<String> answer = send(client, baseUrl + route.fullPath(locker.locker()), timeout, tokens.access(), null);
        if (answer != null && answer.statusCode() == 200) {
            (locker.owned() ? released : holds).incrementAndGet();
        } else if (answer != null && answer.statusCode() == 404) {
            gone.incrementAndGet();
        } else {
            failures.add(what + ": " + route.action() + " answered " + describe(answer));
        }
    }

    private static HttpResponse<String> send(HttpClient client, String url, Duration timeout, String accessToken,
                                             String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + accessToken)
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String describe(HttpResponse<String> answer) {
        return answer == null ? "nothing (no answer)" : LockerAnswer.statusAndText(answer.statusCode(),
                answer.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void await(List<Future<?>> work) {
        for (Future<?> task : work) {
            try {
                task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }
}
