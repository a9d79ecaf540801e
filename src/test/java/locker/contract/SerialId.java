package locker.contract;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The user key of the locker service: SHA-256 of {@code student_id + name + phone_number + "ku_info"},
 * first 8 bytes as an unsigned big-endian integer, modulo 10^12. The server derives it on login; the
 * seeder derives it so that login-or-register finds the users it inserted.
 */
public final class SerialId {
    private static final String SALT = "ku_info";
    private static final long MODULUS = 1_000_000_000_000L;

    private SerialId() {}

    public static long of(String studentId, String name, String phoneNumber) {
        byte[] digest = sha256(studentId + name + phoneNumber + SALT);
        return Long.remainderUnsigned(ByteBuffer.wrap(digest, 0, Long.BYTES).getLong(), MODULUS);
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
