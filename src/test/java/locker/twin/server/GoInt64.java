package locker.twin.server;

/**
 * Go's {@code strconv.ParseInt(s, 10, 64)}, and so {@code strconv.Atoi} on a 64-bit machine: how the deployed server
 * reads a token's subject and a locker id.
 */
final class GoInt64 {
    private GoInt64() {}

    /** An optional sign, then ASCII digits only, within int64; null for anything else. */
    static Long parse(String text) {
        int start = text.startsWith("+") || text.startsWith("-") ? 1 : 0;
        if (text.length() == start) {
            return null;
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
