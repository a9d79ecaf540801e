package locker.bench.differential;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Bytes and text as the report shows them. */
final class Texts {
    private static final List<String> SMALL_NUMBERS = List.of("zero", "one", "two", "three", "four", "five", "six",
            "seven", "eight", "nine", "ten", "eleven", "twelve");

    private Texts() {}

    /** {@code n} in words up to twelve, in digits beyond. */
    static String inWords(int n) {
        return n >= 0 && n < SMALL_NUMBERS.size() ? SMALL_NUMBERS.get(n) : Integer.toString(n);
    }

    /**
     * {@code bytes} as UTF-8 text; a byte that is not part of valid UTF-8 is written {@code \xNN}, so that two bodies
     * differing only in invalid bytes still read differently.
     */
    static String readable(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length * 2 + 16);
        StringBuilder text = new StringBuilder(bytes.length);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            out.flip();
            text.append(out);
            out.clear();
            if (result.isError()) {
                for (int i = 0; i < result.length(); i++) {
                    text.append(String.format("\\x%02x", in.get() & 0xff));
                }
            } else if (result.isUnderflow()) {
                decoder.flush(out);
                out.flip();
                return text.append(out).toString();
            }
        }
    }

    /** Control characters and bytes outside printable ASCII as {@code \xNN}; cut to {@code max} characters. */
    static String escape(String byteString, int max) {
        StringBuilder text = new StringBuilder();
        for (char c : byteString.toCharArray()) {
            if (c < 0x20 || c == 0x7f || (c > 0x7e && c < 0x100)) {
                text.append(String.format("\\x%02x", (int) c));
            } else {
                text.append(c);
            }
        }
        return cut(text.toString(), max);
    }

    /** Line breaks and tabs shown as {@code \r \n \t}, other control characters as {@code \xNN}. */
    static String oneLine(String text) {
        StringBuilder line = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\r' -> line.append("\\r");
                case '\n' -> line.append("\\n");
                case '\t' -> line.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        line.append(String.format("\\x%02x", (int) c));
                    } else {
                        line.append(c);
                    }
                }
            }
        }
        return line.toString();
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "… (" + text.length() + " chars)";
    }
}
