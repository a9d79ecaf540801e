package locker.loadtest.results;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TextTableTest {
    private static final List<List<String>> ROWS = List.of(
            List.of("figure", "run 1", "met"),
            List.of("throughput (req/s)", "100.00 *", ""),
            List.of("lost_race", "7", "–"));

    @Test
    void alignedTheFirstColumnIsLeftTheOthersRightTwoSpacesApartWithoutTrailingSpaces() {
        assertThat(TextTable.align(ROWS)).isEqualTo("""
                figure                 run 1  met
                throughput (req/s)  100.00 *
                lost_race                  7    –
                """);
    }

    @Test
    void ruledEveryColumnIsLeftAndFilledWithBarsBetweenAndDashesUnderTheHeading() {
        assertThat(TextTable.ruled(ROWS)).isEqualTo("""
                figure             | run 1    | met
                ------------------ | -------- | ---
                throughput (req/s) | 100.00 * |   \s
                lost_race          | 7        | – \s
                """);
    }
}
