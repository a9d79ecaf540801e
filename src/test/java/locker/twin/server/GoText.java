package locker.twin.server;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Text as Go's {@code encoding/json} leaves it in a decoded string: a byte that does not begin a valid UTF-8 sequence
 * becomes U+FFFD (one per byte, as {@code utf8.DecodeRune} steps), and so does a surrogate escape ({@code \\ud800})
 * without its partner. The stored name, and so the serial id, depend on it.
 */
final class GoText {
    private static final byte[] REPLACEMENT = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};

    private GoText() {}

    /** {@code bytes} with every byte that Go would not read as UTF-8 replaced by U+FFFD; the same array when valid. */
    static byte[] validUtf8(byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            int length = sequenceLength(bytes, i);
            if (length == 0) {
                break;
            }
            i += length;
        }
        if (i == bytes.length) {
            return bytes;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 16);
        out.write(bytes, 0, i);
        while (i < bytes.length) {
            int length = sequenceLength(bytes, i);
            if (length == 0) {
                out.write(REPLACEMENT, 0, REPLACEMENT.length);
                i++;
            } else {
                out.write(bytes, i, length);
                i += length;
            }
        }
        return out.toByteArray();
    }

    /**
     * Text whose bytes were read one character per byte (ISO-8859-1, as Jetty reads header lines), as the UTF-8 that Go
     * reads from the same bytes.
     */
    static String asUtf8(String latin1) {
        return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    /** Whether the bytes of {@code latin1} (one character per byte) are UTF-8 as Go and PostgreSQL read it. */
    static boolean isUtf8(String latin1) {
        byte[] bytes = latin1.getBytes(StandardCharsets.ISO_8859_1);
        return validUtf8(bytes) == bytes;
    }

    /** {@code text} with every unpaired surrogate replaced by U+FFFD. */
    static String withoutLoneSurrogates(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                if (out != null) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
            } else if (Character.isSurrogate(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
                out.append('\uFFFD');
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** The length of the valid UTF-8 sequence at {@code i} (Go's rules: no overlong forms, surrogates or > U+10FFFF), 0 if none. */
    private static int sequenceLength(byte[] b, int i) {
        int first = b[i] & 0xFF;
        if (first < 0x80) {
            return 1;
        }
        int length;
        int low = 0x80;
        int high = 0xBF;
        if (first >= 0xC2 && first <= 0xDF) {
            length = 2;
        } else if (first >= 0xE0 && first <= 0xEF) {
            length = 3;
            low = first == 0xE0 ? 0xA0 : 0x80;
            high = first == 0xED ? 0x9F : 0xBF;
        } else if (first >= 0xF0 && first <= 0xF4) {
            length = 4;
            low = first == 0xF0 ? 0x90 : 0x80;
            high = first == 0xF4 ? 0x8F : 0xBF;
        } else {
            return 0;
        }
        if (i + length > b.length) {
            return 0;
        }
        int second = b[i + 1] & 0xFF;
        if (second < low || second > high) {
            return 0;
        }
        for (int k = 2; k < length; k++) {
            int next = b[i + k] & 0xFF;
            if (next < 0x80 || next > 0xBF) {
                return 0;
            }
        }
        return length;
    }
}
