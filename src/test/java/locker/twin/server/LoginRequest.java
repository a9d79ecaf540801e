package locker.twin.server;

import locker.contract.Api;

import java.nio.charset.StandardCharsets;

/** A login-or-register body, trimmed (Go's {@code strings.TrimSpace}) and validated in the deployed order. */
record LoginRequest(String studentId, String name, String phoneNumber) {
    static LoginRequest validate(String studentId, String name, String phoneNumber) {
        String sid = trimSpace(studentId);
        String n = trimSpace(name);
        String phone = trimSpace(phoneNumber);
        if (sid.isEmpty() || n.isEmpty() || phone.isEmpty()) {
            throw ApiError.badRequest("missing required fields: student_id, name, phone_number");
        }
        if (sid.length() != 10 || !asciiDigits(sid)) {
            throw ApiError.badRequest(Api.INVALID_STUDENT_ID_TEXT);
        }
        int phoneBytes = phone.getBytes(StandardCharsets.UTF_8).length;
        if (phoneBytes < 10 || phoneBytes > 15) {
            throw ApiError.badRequest("invalid phone_number format");
        }
        if (!asciiDigits(phone)) {
            throw ApiError.badRequest("only numeric characters are allowed in phone_number");
        }
        int nameLength = n.codePointCount(0, n.length());
        if (nameLength < 2 || nameLength > 20) {
            throw ApiError.badRequest("invalid name length");
        }
        return new LoginRequest(sid, n, phone);
    }

    /** Go's {@code strings.TrimSpace}: leading and trailing Unicode White_Space removed. */
    static String trimSpace(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isGoSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isGoSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    /** Go's {@code unicode.IsSpace}: the Unicode White_Space property (all of it lies in the BMP). */
    static boolean isGoSpace(char c) {
        return switch (c) {
            case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000 -> true;
            default -> c >= 0x2000 && c <= 0x200A;
        };
    }

    private static boolean asciiDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return !text.isEmpty();
    }
}
