package locker.twin.server;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class PercentEscapesTest {
    @Test
    void aFormReadsPlusAsASpaceAndItsBytesAsUtf8() {
        String latin1OfUtf8 = new String("사물함".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertThat(PercentEscapes.decode("a+b%2Bc%EC%82%AC" + latin1OfUtf8, StandardCharsets.ISO_8859_1, true))
                .isEqualTo("a b+c사사물함");
    }

    @Test
    void aPathKeepsPlusAndItsOwnCharacters() {
        assertThat(PercentEscapes.decode("/swagger/%66a+v/😀", StandardCharsets.UTF_8, false)).isEqualTo("/swagger/fa+v/😀");
    }

    @Test
    void aMalformedEscapeOrOneWithDigitsThatAreNotAsciiStaysAsWritten() {
        assertThat(PercentEscapes.decode("%zz%4%\u0663\u0663%", StandardCharsets.UTF_8, false)).isEqualTo("%zz%4%\u0663\u0663%");
    }
}
