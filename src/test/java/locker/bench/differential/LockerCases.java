package locker.bench.differential;

import java.util.ArrayList;
import java.util.List;

import static locker.bench.differential.CaseKind.LOCKERS;
import static locker.bench.differential.CaseRun.API;
import static locker.bench.differential.Cases.list;
import static locker.bench.differential.Cases.locker;
import static locker.bench.differential.Cases.me;
import static locker.bench.differential.Cases.student;
import static locker.bench.differential.DiffCase.client;

/** Every locker route and outcome: list, hold, confirm, release-hold, release, "my locker", ids as Go's Atoi reads them. */
final class LockerCases {
    private LockerCases() {}

    static List<CaseGroup> groups() {
        List<DiffCase> cases = new ArrayList<>();
        cases.add(client(LOCKERS, "list", run -> run.send("GET /lockers", list(run.login(student(40)).accessToken()))));
        cases.add(client(LOCKERS, "my locker without one", run -> run.send("GET /lockers/me", me(run.login(student(40)).accessToken()))));
        cases.add(client(LOCKERS, "hold (inside the application window)", run -> {
            String token = run.login(student(40)).accessToken();
            run.send("hold 101", locker("101", "hold", token));
            run.send("GET /lockers/me", me(token));
            run.send("GET /lockers", list(token));
        }));
        cases.add(client(LOCKERS, "hold, then confirm", run -> {
            String token = run.login(student(40)).accessToken();
            run.send("hold 102", locker("102", "hold", token));
            run.send("confirm 102", locker("102", "confirm", token));
            run.send("GET /lockers/me", me(token));
            run.send("GET /lockers", list(token));
        }));
        cases.add(client(LOCKERS, "hold of a locker another student holds", run -> {
            String first = run.login(student(40)).accessToken();
            String second = run.login(student(41)).accessToken();
            run.send("hold 103 (first student)", locker("103", "hold", first));
            run.send("hold 103 (second student)", locker("103", "hold", second));
        }));
        cases.add(client(LOCKERS, "hold of a locker the student holds already", run -> {
            String token = run.login(student(40)).accessToken();
            run.send("hold 104", locker("104", "hold", token));
            run.send("hold 104 again", locker("104", "hold", token));
        }));
        cases.add(client(LOCKERS, "hold of a second locker", run -> {
            String token = run.login(student(40)).accessToken();
            run.send("hold 105", locker("105", "hold", token));
            run.send("hold 201", locker("201", "hold", token));
            run.send("GET /lockers/me", me(token));
        }));
        cases.add(client(LOCKERS, "hold of a locker owned by another student", run -> {
            String owner = run.login(student(40)).accessToken();
            String other = run.login(student(41)).accessToken();
            run.send("hold 106 (owner)", locker("106", "hold", owner));
            run.send("confirm 106 (owner)", locker("106", "confirm", owner));
            run.send("hold 106 (other)", locker("106", "hold", other));
        }));
        for (String id : List.of("999", "0", "-1", "abc", "%31%30%31", "0101", "+101", "2147483648", "99999999999999999999", "1.5")) {
            cases.add(client(LOCKERS, "hold of locker id '" + id + "'", run -> {
                String token = run.login(student(40)).accessToken();
                run.send("hold " + id, locker(id, "hold", token));
                run.send("GET /lockers/me", me(token));
            }));
        }
        cases.add(client(LOCKERS, "confirm without a hold", run -> run.send("confirm 101",
                locker("101", "confirm", run.login(student(40)).accessToken()))));
        cases.add(client(LOCKERS, "confirm of another student's hold", run -> {
            String holder = run.login(student(40)).accessToken();
            String other = run.login(student(41)).accessToken();
            run.send("hold 301 (holder)", locker("301", "hold", holder));
            run.send("confirm 301 (other)", locker("301", "confirm", other));
        }));
        cases.add(client(LOCKERS, "confirm twice", run -> {
            String token = run.login(student(40)).accessToken();
            run.send("hold 302", locker("302", "hold", token));
            run.send("confirm 302", locker("302", "confirm", token));
            run.send("confirm 302 again", locker("302", "confirm", token));
        }));
        cases.add(client(LOCKERS, "confirm of locker id 'abc'", run -> run.send("confirm abc",
                locker("abc", "confirm", run.login(student(40)).accessToken()))));
        cases.add(client(LOCKERS, "confirm of locker id 2147483648", run -> run.send("confirm 2147483648",
                locker("2147483648", "confirm", run.login(student(40)).accessToken()))));
        cases.add(client(LOCKERS, "release-hold", run -> {
            String token = run.login(student(40)).accessToken();
            run.send("hold 303", locker("303", "hold", token));
            run.send("release-hold 303", locker("303", "release-hold", token));
            run.send("confirm 303", locker("303", "confirm", token));
            run.send("GET /lockers", list(token));
        }));
        cases.add(client(LOCKERS, "release-hold without a hold", run -> run.send("release-hold 304",
                locker("304", "release-hold", run.login(student(40)).accessToken()))));
        cases.add(client(LOCKERS, "release-hold of another student's hold", run -> {
            String holder = run.login(student(40)).accessToken();
            String other = run.login(student(41)).accessToken();
            run.send("hold 401 (holder)", locker("401", "hold", holder));
            run.send("release-hold 401 (other)", locker("401", "release-hold", other));
        }));
        cases.add(client(LOCKERS, "release-hold after confirm", run -> {
            String token = run.login(student(40)).accessToken();
            run.send("hold 402", locker("402", "hold", token));
            run.send("confirm 402", locker("402", "confirm", token));
            run.send("release-hold 402", locker("402", "release-hold", token));
        }));
        cases.add(client(LOCKERS, "release-hold of locker id 2147483648", run -> run.send("release-hold 2147483648",
                locker("2147483648", "release-hold", run.login(student(40)).accessToken()))));
        cases.add(client(LOCKERS, "release after confirm, then another student holds it", run -> {
            String owner = run.login(student(40)).accessToken();
            String other = run.login(student(41)).accessToken();
            run.send("hold 403 (owner)", locker("403", "hold", owner));
            run.send("confirm 403 (owner)", locker("403", "confirm", owner));
            run.send("release 403 (owner)", locker("403", "release", owner));
            run.send("GET /lockers/me (owner)", me(owner));
            run.send("hold 403 (other)", locker("403", "hold", other));
            run.send("release 403 again (owner)", locker("403", "release", owner));
        }));
        cases.add(client(LOCKERS, "release without a confirmed locker", run -> run.send("release 404",
                locker("404", "release", run.login(student(40)).accessToken()))));
        cases.add(client(LOCKERS, "release of a held, unconfirmed locker", run -> {
            String token = run.login(student(40)).accessToken();
            run.send("hold 501", locker("501", "hold", token));
            run.send("release 501", locker("501", "release", token));
        }));
        cases.add(client(LOCKERS, "release of another student's locker", run -> {
            String owner = run.login(student(40)).accessToken();
            String other = run.login(student(41)).accessToken();
            run.send("hold 502 (owner)", locker("502", "hold", owner));
            run.send("confirm 502 (owner)", locker("502", "confirm", owner));
            run.send("release 502 (other)", locker("502", "release", other));
        }));
        cases.add(client(LOCKERS, "release of locker id 2147483648", run -> run.send("release 2147483648",
                locker("2147483648", "release", run.login(student(40)).accessToken()))));
        cases.add(client(LOCKERS, "a whole journey with two lockers in turn", run -> {
            String token = run.login(student(40)).accessToken();
            run.send("hold 503", locker("503", "hold", token));
            run.send("release-hold 503", locker("503", "release-hold", token));
            run.send("hold 601", locker("601", "hold", token));
            run.send("confirm 601", locker("601", "confirm", token));
            run.send("release 601", locker("601", "release", token));
            run.send("hold 602", locker("602", "hold", token));
            run.send("confirm 602", locker("602", "confirm", token));
            run.send("GET /lockers/me", me(token));
        }));
        cases.add(client(LOCKERS, "not found: GET /api/v1/lockers/101", run -> run.send("GET /lockers/101",
                WireRequest.get(API + "/lockers/101").bearer(run.login(student(40)).accessToken()))));
        cases.add(client(LOCKERS, "not found: POST /api/v1/lockers/101/nope", run -> run.send("POST /lockers/101/nope",
                locker("101", "nope", run.login(student(40)).accessToken()))));
        cases.add(client(LOCKERS, "not found: POST /api/v1/lockers//hold (an empty id)", run -> run.send("POST /lockers//hold",
                WireRequest.post(API + "/lockers//hold").bearer(run.login(student(40)).accessToken()))));
        cases.add(client(LOCKERS, "405: GET /api/v1/lockers/101/hold", run -> run.send("GET /lockers/101/hold",
                WireRequest.get(API + "/lockers/101/hold").bearer(run.login(student(40)).accessToken()))));
        cases.add(client(LOCKERS, "POST /api/v1/lockers/101/HOLD (the action in capitals)", run -> run.send("POST /lockers/101/HOLD",
                locker("101", "HOLD", run.login(student(40)).accessToken()))));
        cases.add(client(LOCKERS, "hold without a token", run -> run.send("hold 101",
                WireRequest.post(API + "/lockers/101/hold"))));
        return cases.stream().map(CaseGroup::alone).toList();
    }
}
