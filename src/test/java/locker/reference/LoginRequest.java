package locker.reference;

/** A login-or-register body, trimmed and validated in the contract's order. */
record LoginRequest(String studentId, String name, String phoneNumber) {
    static LoginRequest validate(String studentId, String name, String phoneNumber) {
        String sid = studentId.trim();
        String n = name.trim();
        String phone = phoneNumber.trim();
        if (sid.isEmpty() || n.isEmpty() || phone.isEmpty()) {
            throw ApiError.badRequest("missing required fields: student_id, name, phone_number");
        }
        if (!sid.matches("[0-9]{8,10}")) {
            throw ApiError.badRequest("invalid student_id format");
        }
        if (phone.length() < 10 || phone.length() > 15) {
            throw ApiError.badRequest("invalid phone_number format");
        }
        if (!phone.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw ApiError.badRequest("only numeric characters are allowed in phone_number");
        }
        int nameLength = n.codePointCount(0, n.length());
        if (nameLength < 2 || nameLength > 20) {
            throw ApiError.badRequest("invalid name length");
        }
        return new LoginRequest(sid, n, phone);
    }
}
