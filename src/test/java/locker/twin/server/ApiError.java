package locker.twin.server;

import locker.contract.Api;

/** An answer other than success: the status code and the message of the contract. */
final class ApiError extends RuntimeException {
    final int status;

    ApiError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, message);
    }

    static ApiError unauthorized() {
        return new ApiError(401, Api.UNAUTHORIZED_TEXT);
    }

    static ApiError notFound(String message) {
        return new ApiError(404, message);
    }
}
