package locker.twin.server;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Percent escapes read leniently, as Go's form parser and fasthttp's path decoder read them: {@code %} and two ASCII
 * hex digits is a byte, a malformed escape stays as written, and the bytes are read as UTF-8.
 */
final class PercentEscapes {
    private PercentEscapes() {}

    /**
     * @param text        the escaped text, its other characters standing for their bytes in {@code textCharset}
     * @param plusIsSpace whether {@code +} stands for a space (a form), or for itself (a path)
     */
    static String decode(String text, Charset textCharset, boolean plusIsSpace) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        StringBuilder plain = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean escape = c == '%' && i + 2 < text.length() && hex(text.charAt(i + 1)) >= 0 && hex(text.charAt(i + 2)) >= 0;
            if (escape || (plusIsSpace && c == '+')) {
                bytes.writeBytes(plain.toString().getBytes(textCharset));
                plain.setLength(0);
                bytes.write(escape ? hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)) : ' ');
                i += escape ? 2 : 0;
            } else {
                plain.append(c);
            }
        }
        bytes.writeBytes(plain.toString().getBytes(textCharset));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return c < 128 ? Character.digit(c, 16) : -1;
    }
}
