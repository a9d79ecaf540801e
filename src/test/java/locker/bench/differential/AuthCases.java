package locker.bench.differential;

import locker.contract.ApiRoute;

import java.util.ArrayList;
import java.util.List;

import static locker.bench.differential.CaseKind.AUTH;
import static locker.bench.differential.Cases.authMe;
import static locker.bench.differential.Cases.login;
import static locker.bench.differential.Cases.logout;
import static locker.bench.differential.Cases.me;
import static locker.bench.differential.Cases.refreshJson;
import static locker.bench.differential.Cases.student;
import static locker.bench.differential.DiffCase.client;
import static locker.bench.differential.DiffCase.handMade;

/** The auth routes and their outcomes as a client meets them: login-or-register, refresh, logout, auth/me, health. */
final class AuthCases {
    private AuthCases() {}

    static List<CaseGroup> groups() {
        List<DiffCase> cases = new ArrayList<>();
        cases.add(client(AUTH, "login-or-register: a new student", run -> run.login(student(1))));
        cases.add(client(AUTH, "login-or-register: the same student twice", run -> {
            run.login(student(1));
            run.login(student(1));
        }));
        cases.add(client(AUTH, "login-or-register: the same student id with another name and phone", run -> {
            run.login(student(1));
            run.login(new Student(student(1).studentId(), "홍길동", "01099999999"));
        }));
        invalid(cases, "no fields", "{}");
        invalid(cases, "no phone_number", "{\"student_id\":\"9900000010\",\"name\":\"김민준\"}");
        invalid(cases, "a student id of 9 digits", "{\"student_id\":\"990000001\",\"name\":\"김민준\",\"phone_number\":\"01000000010\"}");
        invalid(cases, "a student id of 11 digits", "{\"student_id\":\"99000000100\",\"name\":\"김민준\",\"phone_number\":\"01000000010\"}");
        invalid(cases, "a student id with letters", "{\"student_id\":\"99000000ab\",\"name\":\"김민준\",\"phone_number\":\"01000000010\"}");
        invalid(cases, "a student id of full-width digits",
                "{\"student_id\":\"９９０００００１１０\",\"name\":\"김민준\",\"phone_number\":\"01000000010\"}");
        invalid(cases, "a phone of 9 digits", "{\"student_id\":\"9900000010\",\"name\":\"김민준\",\"phone_number\":\"010000000\"}");
        invalid(cases, "a phone of 16 digits", "{\"student_id\":\"9900000010\",\"name\":\"김민준\",\"phone_number\":\"0100000000000000\"}");
        invalid(cases, "a phone with dashes", "{\"student_id\":\"9900000010\",\"name\":\"김민준\",\"phone_number\":\"010-0000-0010\"}");
        invalid(cases, "a phone of 5 Korean letters (15 bytes)",
                "{\"student_id\":\"9900000010\",\"name\":\"김민준\",\"phone_number\":\"하나둘셋넷\"}");
        invalid(cases, "a name of one letter", "{\"student_id\":\"9900000010\",\"name\":\"김\",\"phone_number\":\"01000000010\"}");
        invalid(cases, "a name of 21 letters",
                "{\"student_id\":\"9900000010\",\"name\":\"가나다라마바사아자차카타파하가나다라마바사\",\"phone_number\":\"01000000010\"}");
        valid(cases, "a name of 20 letters", "9900000011", "가나다라마바사아자차카타파하가나다라마바", "01000000011",
                "{\"student_id\":\"9900000011\",\"name\":\"가나다라마바사아자차카타파하가나다라마바\",\"phone_number\":\"01000000011\"}");
        valid(cases, "a name of two emoji (two code points, four UTF-16 units)", "9900000012", "😀😀", "01000000012",
                "{\"student_id\":\"9900000012\",\"name\":\"😀😀\",\"phone_number\":\"01000000012\"}");
        valid(cases, "a phone of 15 digits", "9900000013", "김민준", "010000000130000",
                "{\"student_id\":\"9900000013\",\"name\":\"김민준\",\"phone_number\":\"010000000130000\"}");
        valid(cases, "fields padded with spaces and tabs", "9900000014", "김민준", "01000000014",
                "{\"student_id\":\" 9900000014\\t\",\"name\":\"  김민준 \",\"phone_number\":\"\\n01000000014 \"}");
        valid(cases, "a name padded with an ideographic space and a no-break space", "9900000015", "김민준", "01000000015",
                "{\"student_id\":\"9900000015\",\"name\":\"\u3000김민준\u00a0\",\"phone_number\":\"01000000015\"}");
        valid(cases, "a name padded with zero-width spaces (not white space)", "9900000016", "\u200b김민준\u200b",
                "01000000016", "{\"student_id\":\"9900000016\",\"name\":\"\u200b김민준\u200b\",\"phone_number\":\"01000000016\"}");

        cases.add(client(AUTH, "refresh: new tokens, the old refresh token refused afterwards", run -> {
            Session session = run.login(student(2));
            Session renewed = run.session(student(2), run.refresh("refresh", session.refreshToken()));
            run.send("GET /lockers/me with the new access token", me(renewed.accessToken()));
            run.send("GET /lockers/me with the old access token", me(session.accessToken()));
            run.refresh("refresh with the old refresh token again", session.refreshToken());
            run.refresh("refresh with the new refresh token", renewed.refreshToken());
        }));
        cases.add(client(AUTH, "refresh: the header's access token is blacklisted", run -> {
            Session session = run.login(student(2));
            run.send("refresh with the access token in the header", WireRequest.post(ApiRoute.REFRESH.fullPath())
                    .bearer(session.accessToken()).json(refreshJson(session.refreshToken())));
            run.send("GET /lockers/me with the old access token", me(session.accessToken()));
        }));
        cases.add(client(AUTH, "refresh: the body's access token is blacklisted", run -> {
            Session session = run.login(student(2));
            run.send("refresh with the access token in the body", WireRequest.post(ApiRoute.REFRESH.fullPath()).json(
                    "{\"access_token\":\"" + session.accessToken() + "\",\"refresh_token\":\"" + session.refreshToken() + "\"}"));
            run.send("GET /lockers/me with the old access token", me(session.accessToken()));
        }));
        cases.add(client(AUTH, "refresh: an unknown refresh token", run -> run.refresh("refresh",
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")));
        cases.add(client(AUTH, "refresh: no refresh_token", run -> run.send("refresh with {}",
                WireRequest.post(ApiRoute.REFRESH.fullPath()).json("{}"))));
        cases.add(client(AUTH, "refresh: a body that is not JSON", run -> run.send("refresh with 'refresh'",
                WireRequest.post(ApiRoute.REFRESH.fullPath()).json("refresh"))));
        cases.add(client(AUTH, "refresh: after logout", run -> {
            Session session = run.login(student(2));
            run.send("logout", logout(refreshJson(session.refreshToken()), session.accessToken()));
            run.refresh("refresh", session.refreshToken());
        }));

        cases.add(client(AUTH, "logout: header and refresh token", run -> {
            Session session = run.login(student(3));
            run.send("logout", logout(refreshJson(session.refreshToken()), session.accessToken()));
            run.send("GET /lockers/me with the logged-out token", me(session.accessToken()));
            run.refresh("refresh with the logged-out refresh token", session.refreshToken());
        }));
        cases.add(client(AUTH, "logout: the refresh token only", run -> {
            Session session = run.login(student(3));
            run.send("logout", logout(refreshJson(session.refreshToken()), null));
            run.send("GET /lockers/me with the access token", me(session.accessToken()));
        }));
        cases.add(client(AUTH, "logout: the header only", run -> {
            Session session = run.login(student(3));
            run.send("logout", logout(null, session.accessToken()));
            run.send("GET /lockers/me with the access token", me(session.accessToken()));
        }));
        cases.add(client(AUTH, "logout: nothing", run -> run.send("logout", logout(null, null))));
        cases.add(client(AUTH, "logout: an unknown refresh token", run -> {
            Session session = run.login(student(3));
            run.send("logout", logout(refreshJson("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), session.accessToken()));
            run.send("GET /lockers/me with the access token", me(session.accessToken()));
        }));
        cases.add(client(AUTH, "logout: twice", run -> {
            Session session = run.login(student(3));
            run.send("logout", logout(refreshJson(session.refreshToken()), session.accessToken()));
            run.send("logout again", logout(refreshJson(session.refreshToken()), session.accessToken()));
        }));
        cases.add(handMade(AUTH, "logout: an access token in the body that is not a JWT", run -> {
            Session session = run.login(student(3));
            run.sent("not-a-jwt", "not a JWT");
            run.send("logout", logout("{\"access_token\":\"not-a-jwt\",\"refresh_token\":\"" + session.refreshToken() + "\"}",
                    null));
        }));

        cases.add(client(AUTH, "auth/me: the caller's identity", run -> run.send("GET /auth/me",
                authMe(run.login(student(4)).accessToken()))));
        cases.add(client(AUTH, "auth/me: without a token", run -> run.send("GET /auth/me",
                WireRequest.get(ApiRoute.ME.fullPath()))));
        cases.add(client(AUTH, "auth/me: HEAD", run -> run.send("HEAD /auth/me",
                WireRequest.method("HEAD", ApiRoute.ME.fullPath()).bearer(run.login(student(4)).accessToken()))));
        cases.add(client(AUTH, "health", run -> run.send("GET /health", WireRequest.get(ApiRoute.HEALTH.fullPath()))));
        cases.add(client(AUTH, "health: HEAD", run -> run.send("HEAD /health", WireRequest.method("HEAD", ApiRoute.HEALTH.fullPath()))));
        cases.add(client(AUTH, "the root", run -> run.send("GET /", WireRequest.get("/"))));
        cases.add(client(AUTH, "the root: HEAD", run -> run.send("HEAD /", WireRequest.method("HEAD", "/"))));
        return cases.stream().map(CaseGroup::alone).toList();
    }

    private static void invalid(List<DiffCase> cases, String what, String json) {
        cases.add(client(AUTH, "login-or-register refuses " + what, run -> run.send("login-or-register", login(json))));
    }

    /** A login the rules accept; the identity as the server keeps it (trimmed), for its serial id's label. */
    private static void valid(List<DiffCase> cases, String what, String studentId, String name, String phone, String json) {
        cases.add(client(AUTH, "login-or-register accepts " + what, run -> {
            run.normaliser().identity(studentId, name, phone);
            run.send("login-or-register", login(json));
        }));
    }
}
