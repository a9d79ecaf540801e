package locker.simulation;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import locker.stack.EmbeddedStack;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

/** One student logs in and lists the lockers, against BASE_URL or the embedded reference stack. */
public class LockerReservationSimulation extends Simulation {
    private final EmbeddedStack stack = System.getenv("BASE_URL") == null ? EmbeddedStack.start() : null;
    private final String baseUrl = stack != null ? stack.baseUrl() : System.getenv("BASE_URL");

    {
        HttpProtocolBuilder protocol = http.baseUrl(baseUrl + "/api/v1")
                .acceptHeader("application/json")
                .contentTypeHeader("application/json");
        ScenarioBuilder students = scenario("Locker reservation")
                .exec(http("POST /auth/login-or-register")
                        .post("/auth/login-or-register")
                        .body(StringBody("{\"student_id\":\"20231000\",\"name\":\"Test User\",\"phone_number\":\"01000000000\"}"))
                        .check(status().in(200, 201), jmesPath("access_token").saveAs("accessToken")))
                .exec(http("GET /lockers")
                        .get("/lockers")
                        .header("Authorization", "Bearer #{accessToken}")
                        .check(status().is(200), jmesPath("lockers[0].locker_id").exists()));
        setUp(students.injectOpen(atOnceUsers(1))).protocols(protocol)
                .assertions(global().failedRequests().count().is(0L));
    }

    @Override
    public void after() {
        if (stack != null) {
            stack.close();
        }
    }
}
