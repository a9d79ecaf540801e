package locker.bench.differential;

import locker.contract.ApiRoute;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static locker.bench.differential.CaseKind.LOCKERS;
import static locker.bench.differential.Cases.list;
import static locker.bench.differential.Cases.locker;
import static locker.bench.differential.Cases.me;
import static locker.bench.differential.Cases.student;
import static locker.bench.differential.DiffCase.client;
import static locker.contract.Api.PREFIX;

/** Every locker route and outcome: list, hold, confirm, release-hold, release, "my locker", ids as Go's Atoi reads them. */
final class LockerCases {
    private LockerCases() {}

    static List<CaseGroup> groups() {
        List<DiffCase> cases = new ArrayList<>();
        cases.add(steps("list", "GET /lockers"));
        cases.add(steps("my locker without one", "GET /lockers/me"));
        cases.add(steps("hold (inside the application window)", "hold 101", "GET /lockers/me", "GET /lockers"));
        cases.add(steps("hold, then confirm", "hold 102", "confirm 102", "GET /lockers/me", "GET /lockers"));
        cases.add(steps("hold of a locker another student holds", "hold 103 (first student)",
                "hold 103 (second student)"));
        cases.add(steps("hold of a locker the student holds already", "hold 104", "hold 104 again"));
        cases.add(steps("hold of a second locker", "hold 105", "hold 201", "GET /lockers/me"));
        cases.add(steps("hold of a locker owned by another student", "hold 106 (owner)", "confirm 106 (owner)",
                "hold 106 (other)"));
        for (String id : List.of("999", "0", "-1", "abc", "%31%30%31", "0101", "+101", "2147483648", "99999999999999999999", "1.5")) {
            cases.add(steps("hold of locker id '" + id + "'", "hold " + id, "GET /lockers/me"));
        }
        cases.add(steps("confirm without a hold", "confirm 101"));
        cases.add(steps("confirm of another student's hold", "hold 301 (holder)", "confirm 301 (other)"));
        cases.add(steps("confirm twice", "hold 302", "confirm 302", "confirm 302 again"));
        cases.add(steps("confirm of locker id 'abc'", "confirm abc"));
        cases.add(steps("confirm of locker id 2147483648", "confirm 2147483648"));
        cases.add(steps("release-hold", "hold 303", "release-hold 303", "confirm 303", "GET /lockers"));
        cases.add(steps("release-hold without a hold", "release-hold 304"));
        cases.add(steps("release-hold of another student's hold", "hold 401 (holder)", "release-hold 401 (other)"));
        cases.add(steps("release-hold after confirm", "hold 402", "confirm 402", "release-hold 402"));
        cases.add(steps("release-hold of locker id 2147483648", "release-hold 2147483648"));
        cases.add(steps("release after confirm, then another student holds it", "hold 403 (owner)",
                "confirm 403 (owner)", "release 403 (owner)", "GET /lockers/me (owner)", "hold 403 (other)",
                "release 403 again (owner)"));
        cases.add(steps("release without a confirmed locker", "release 404"));
        cases.add(steps("release of a held, unconfirmed locker", "hold 501", "release 501"));
        cases.add(steps("release of another student's locker", "hold 502 (owner)", "confirm 502 (owner)",
                "release 502 (other)"));
        cases.add(steps("release of locker id 2147483648", "release 2147483648"));
        cases.add(steps("a whole journey with two lockers in turn", "hold 503", "release-hold 503", "hold 601",
                "confirm 601", "release 601", "hold 602", "confirm 602", "GET /lockers/me"));
        cases.add(asSent("not found: GET /api/v1/lockers/101", "GET /lockers/101"));
        cases.add(asSent("not found: POST /api/v1/lockers/101/nope", "POST /lockers/101/nope"));
        cases.add(asSent("not found: POST /api/v1/lockers//hold (an empty id)", "POST /lockers//hold"));
        cases.add(asSent("405: GET /api/v1/lockers/101/hold", "GET /lockers/101/hold"));
        cases.add(asSent("POST /api/v1/lockers/101/HOLD (the action in capitals)", "POST /lockers/101/HOLD"));
        cases.add(client(LOCKERS, "hold without a token", run -> run.send("hold 101",
                WireRequest.post(ApiRoute.HOLD.fullPath(101)))));
        return cases.stream().map(CaseGroup::alone).toList();
    }

    /** One request, {@code "<method> <path under /api/v1>"}, with a logged-in student's token. */
    private static DiffCase asSent(String name, String request) {
        String path = PREFIX + request.substring(request.indexOf(' ') + 1);
        return client(LOCKERS, name, run -> {
            String token = run.login(student(40)).accessToken();
            run.send(request, (request.startsWith("GET ") ? WireRequest.get(path) : WireRequest.post(path)).bearer(token));
        });
    }

    /** {@code GET /lockers[/me]}, or {@code <action> <locker id>}, then maybe a word, then maybe {@code (student)}. */
    private static final Pattern STEP = Pattern.compile("(GET /lockers(?:/me)?|(\\S+) (\\S+))(?: \\w+)?(?: \\((.+)\\))?");

    /** One step of {@link #steps}: its label, the locker action and id (null for a GET), whose token ("" the first's). */
    private record Step(String label, String action, String lockerId, String who) {
        static Step parse(String label) {
            Matcher m = STEP.matcher(label);
            if (!m.matches()) {
                throw new IllegalArgumentException("not a locker step: " + label);
            }
            return new Step(label, m.group(2), m.group(3), m.group(4) == null ? "" : m.group(4));
        }

        WireRequest request(String token) {
            if (action != null) {
                return locker(lockerId, action, token);
            }
            return label.startsWith("GET /lockers/me") ? me(token) : list(token);
        }
    }

    /**
     * A case written as the requests it sends, each step also its label: {@code "hold 101"},
     * {@code "confirm 403 (owner)"}, {@code "GET /lockers/me"}. Each name in parentheses is another student
     * (students 40, 41, … in the order first named); a step without one is the first student's. Every student
     * logs in first, in that order.
     */
    private static DiffCase steps(String name, String... labels) {
        List<Step> steps = Arrays.stream(labels).map(Step::parse).toList();
        Map<String, Integer> students = new LinkedHashMap<>();
        steps.forEach(step -> students.putIfAbsent(step.who(), 40 + students.size()));
        return client(LOCKERS, name, run -> {
            Map<String, String> tokens = new LinkedHashMap<>();
            students.forEach((who, n) -> tokens.put(who, run.login(student(n)).accessToken()));
            for (Step step : steps) {
                run.send(step.label(), step.request(tokens.get(step.who())));
            }
        });
    }
}
