package locker.bench.differential;

import locker.contract.ApiRoute;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** Every case of the comparison, in the order they run, and the requests they share. */
final class Cases {
    private Cases() {}

    static List<CaseGroup> all(Set<CaseKind> kinds) {
        List<CaseGroup> groups = new ArrayList<>();
        groups.addAll(AuthCases.groups());
        groups.addAll(TokenCases.groups());
        groups.addAll(BodyCases.groups());
        groups.addAll(HttpLayerCases.groups());
        groups.addAll(CorsAndSwaggerCases.groups());
        groups.addAll(LockerCases.groups());
        return groups.stream().filter(g -> kinds.contains(g.kind())).toList();
    }

    static Student student(int n) {
        return Student.number(n);
    }

    /** A case that sends one login of {@code student}, as {@code request} builds it when the case runs. */
    static DiffCase sendsLogin(CaseKind kind, boolean client, String name, Student student,
                               Supplier<WireRequest> request) {
        return new DiffCase(name, kind, client, false, run -> {
            run.normaliser().identity(student);
            run.send("login-or-register", request.get());
        });
    }

    /** {@code POST} to {@code route} with the comparison's User-Agent. */
    static WireRequest post(ApiRoute route) {
        return WireRequest.post(route.fullPath()).header("User-Agent", "locker-differential");
    }

    static WireRequest login(String json) {
        return post(ApiRoute.LOG_IN).json(json);
    }

    static WireRequest login(String contentType, byte[] body) {
        return post(ApiRoute.LOG_IN).body(contentType, body);
    }

    static WireRequest me(String token) {
        return WireRequest.get(ApiRoute.MY_LOCKER.fullPath()).bearer(token);
    }

    static WireRequest list(String token) {
        return WireRequest.get(ApiRoute.LOCKERS.fullPath()).bearer(token);
    }

    static WireRequest authMe(String token) {
        return WireRequest.get(ApiRoute.ME.fullPath()).bearer(token);
    }

    /** {@code POST /api/v1/lockers/{id}/{action}} with the token. */
    static WireRequest locker(String id, String action, String token) {
        return WireRequest.post(ApiRoute.onLocker(action).fullPath(id)).bearer(token);
    }

    static WireRequest logout(String json, String token) {
        WireRequest request = post(ApiRoute.LOG_OUT);
        if (token != null) {
            request.bearer(token);
        }
        return json == null ? request : request.json(json);
    }

    static String refreshJson(String refreshToken) {
        return "{\"refresh_token\":\"" + refreshToken + "\"}";
    }
}
