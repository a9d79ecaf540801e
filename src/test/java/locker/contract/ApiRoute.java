package locker.contract;

import java.util.Arrays;

/**
 * The deployed service's routes under {@link Api#PREFIX}, by method and path, {@value #ID} standing for a locker's id
 * (docs/deployed-service.md §2.1).
 */
public enum ApiRoute {
    LOG_IN("POST", "/auth/login-or-register"),
    REFRESH("POST", "/auth/refresh"),
    LOG_OUT("POST", "/auth/logout"),
    ME("GET", "/auth/me"),
    HEALTH("GET", "/health"),
    LOCKERS("GET", "/lockers"),
    MY_LOCKER("GET", "/lockers/me"),
    HOLD("POST", "/lockers/{id}/hold"),
    CONFIRM("POST", "/lockers/{id}/confirm"),
    RELEASE("POST", "/lockers/{id}/release"),
    RELEASE_HOLD("POST", "/lockers/{id}/release-hold");

    /** The segment of a path that names a locker. */
    public static final String ID = "{id}";

    private final String method;
    private final String path;

    ApiRoute(String method, String path) {
        this.method = method;
        this.path = path;
    }

    public String method() {
        return method;
    }

    /** The path under {@link Api#PREFIX}, with {@value #ID} where a locker's id goes. */
    public String path() {
        return path;
    }

    /** The path under {@link Api#PREFIX} for one locker (or a template's placeholder for one). */
    public String path(Object lockerId) {
        return path.replace(ID, String.valueOf(lockerId));
    }

    /** The whole path, {@link Api#PREFIX} included, for one locker; a route without a locker ignores it. */
    public String fullPath(Object lockerId) {
        return Api.PREFIX + path(lockerId);
    }

    /** The whole path, {@link Api#PREFIX} included, of a route that names no locker. */
    public String fullPath() {
        return Api.PREFIX + path;
    }

    /** The path's last segment: for a route on a locker, what it does ({@code hold}, {@code release-hold} ...). */
    public String action() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The route on a locker whose action is {@code action}: hold, confirm, release or release-hold. */
    public static ApiRoute onLocker(String action) {
        return Arrays.stream(values()).filter(route -> route.path.contains(ID) && route.action().equals(action))
                .findFirst().orElseThrow(() ->
                        new IllegalArgumentException("no route on a locker has the action '" + action + "'"));
    }

    /** Method and path, as in {@code POST /lockers/{id}/hold}: the load test's request names. */
    public String label() {
        return method + " " + path;
    }
}
