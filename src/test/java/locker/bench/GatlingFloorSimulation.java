package locker.bench;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;
import locker.config.LoadTestConfig;
import locker.loadtest.scenario.Endpoints;

import java.util.concurrent.atomic.AtomicInteger;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * What Gatling itself costs per request, for the benchmark's ceiling step: the journey's five requests (log in,
 * list, hold, confirm, "my locker") in the same slots as {@code PROFILE=batch}, but with none of the project's
 * checks, answers, outcomes or session logic, only Gatling's default status check. Against the canned nginx stub,
 * its CPU per request is the floor under the journey's; the difference is what the project's checks cost.
 * Reads BASE_URL, TOTAL_USERS and CONCURRENT_USERS; touches no database.
 */
public class GatlingFloorSimulation extends Simulation {
    {
        LoadTestConfig config = LoadTestConfig.load();
        AtomicInteger notStarted = new AtomicInteger(config.totalUsers);
        AtomicInteger students = new AtomicInteger();
        String bearer = "Bearer stub.#{student_id}.token";
        ChainBuilder student = exec(session -> session.set("student_id",
                Long.toString(config.studentIdStart + students.getAndIncrement())))
                .exec(http(Endpoints.LOGIN).post("/auth/login-or-register")
                        .body(StringBody("{\"student_id\":\"#{student_id}\",\"name\":\"floor\",\"phone_number\":\"01000000000\"}")))
                .exec(http(Endpoints.LIST_LOCKERS).get("/lockers").header("Authorization", bearer))
                .exec(http(Endpoints.HOLD).post("/lockers/101/hold").header("Authorization", bearer))
                .exec(http(Endpoints.CONFIRM).post("/lockers/101/confirm").header("Authorization", bearer))
                .exec(http(Endpoints.MY_LOCKER).get("/lockers/me").header("Authorization", bearer));
        setUp(scenario("Students").exec(asLongAs(session -> notStarted.getAndDecrement() > 0).on(student))
                .injectOpen(atOnceUsers(Math.min(config.concurrentUsers, config.totalUsers))))
                .protocols(Endpoints.protocol(config.baseUrl.orElseThrow(() -> new IllegalStateException(
                        "the floor simulation runs against a server given as BASE_URL (the canned stub)")), 0));
    }
}
