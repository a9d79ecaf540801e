package locker.bench;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;
import locker.config.LoadTestConfig;
import locker.contract.ApiRoute;
import locker.loadtest.scenario.Endpoints;
import locker.loadtest.simulation.InjectionPlan;
import locker.loadtest.simulation.LoadProfiles;
import locker.loadtest.simulation.LoadTestRun;
import locker.loadtest.simulation.StudentFeeder;
import locker.testdata.TestUserRoster;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.http.HttpDsl.http;
import static locker.loadtest.scenario.SessionKeys.STUDENT_ID;

/**
 * What Gatling itself costs per request, for the benchmark's ceiling step: the journey's five requests (log in,
 * list, hold, confirm, "my locker") fed and injected as the journey is ({@code PROFILE=batch}: the same slots),
 * but with none of the project's checks, answers, outcomes or session logic, only Gatling's default status check.
 * Against the canned nginx stub, its CPU per request is the floor under the journey's; the difference is what the
 * project's checks cost. Needs BASE_URL (the stub); touches no database.
 */
public class GatlingFloorSimulation extends Simulation {
    {
        LoadTestConfig config = LoadTestRun.settingsOrExit();
        String baseUrl = config.baseUrl.orElseThrow(() -> LoadTestRun.refuseSettings(
                "BASE_URL must be set: the floor simulation runs against a server of its own (the canned stub)"));
        String bearer = "Bearer stub.#{" + STUDENT_ID + "}.token";
        ChainBuilder fiveRequests = exec(http(Endpoints.LOGIN).post(ApiRoute.LOG_IN.path())
                        .body(StringBody("{\"student_id\":\"#{" + STUDENT_ID + "}\",\"name\":\"floor\",\"phone_number\":\"01000000000\"}")))
                .exec(http(Endpoints.LIST_LOCKERS).get(ApiRoute.LOCKERS.path()).header("Authorization", bearer))
                .exec(http(Endpoints.HOLD).post(ApiRoute.HOLD.path(101)).header("Authorization", bearer))
                .exec(http(Endpoints.CONFIRM).post(ApiRoute.CONFIRM.path(101)).header("Authorization", bearer))
                .exec(http(Endpoints.MY_LOCKER).get(ApiRoute.MY_LOCKER.path()).header("Authorization", bearer));
        StudentFeeder students = new StudentFeeder(TestUserRoster.of(config.seedPlan(config.totalUsers)));
        setUp(LoadProfiles.populations(InjectionPlan.of(config), students, fiveRequests))
                .protocols(Endpoints.protocol(baseUrl, 0));
    }
}
