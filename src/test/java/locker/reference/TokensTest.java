package locker.reference;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Access tokens verified once are remembered by their exact text, never by anything a forger could copy. */
class TokensTest {
    private final Tokens tokens = new Tokens(ReferenceServerSettings.defaults());

    @Test
    void aTokenAlteredAfterTheGenuineOneWasVerifiedIsStillRefused() {
        String genuine = tokens.issueAccessToken(123456789012L, "20231000");
        assertThat(tokens.verify(genuine)).hasValueSatisfying(p -> assertThat(p.serialId()).isEqualTo(123456789012L));

        String[] parts = genuine.split("\\.");
        String otherPayload = tokens.issueAccessToken(999L, "20239999").split("\\.")[1];
        assertThat(tokens.verify(parts[0] + "." + otherPayload + "." + parts[2])).isEmpty();
        assertThat(tokens.verify(genuine.substring(0, genuine.length() - 2) + "xx")).isEmpty();
        assertThat(tokens.verify(genuine + " ")).isEmpty();
        assertThat(new Tokens(ReferenceServerSettings.defaults().withJwtSecret("another key")).verify(genuine)).isEmpty();
        assertThat(tokens.verify(genuine)).isPresent();
    }

    @Test
    void pastTheRememberedLimitEveryTokenStillVerifies() {
        List<String> issued = new ArrayList<>();
        for (int i = 0; i <= Tokens.VERIFIED_TOKENS_KEPT; i++) {
            issued.add(tokens.issueAccessToken(i, Integer.toString(20_000_000 + i)));
        }
        for (String token : issued) {
            assertThat(tokens.verify(token)).isPresent();
        }
        assertThat(tokens.verify(issued.get(0))).hasValueSatisfying(p -> assertThat(p.studentId()).isEqualTo("20000000"));
        assertThat(tokens.verify(issued.get(issued.size() - 1))).isPresent();
    }
}
