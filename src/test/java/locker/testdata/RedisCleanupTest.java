package locker.testdata;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The warning for keys Redis could not be cleaned of stays one short line however many keys there are; the results file
 * gets them all.
 */
class RedisCleanupTest {
    @Test
    void heldLockersAreNamedAsRunsOfConsecutiveIdsAndTheRestCounted() {
        List<Long> held = new ArrayList<>();
        IntStream.rangeClosed(101, 250).forEach(id -> held.add((long) id));
        held.addAll(List.of(300L, 302L, 303L, 400L, 500L, 600L, 601L, 250L));
        List<String> jtis = IntStream.range(0, 1000).mapToObj(i -> "jti" + i).toList();

        String keys = RedisCleanup.keysLeft(held, "locker:hold:{90001–90100}", jtis);

        assertThat(keys).isEqualTo("hold keys of lockers held by test users (157): locker:hold:{101–250, 300, 302–303, 400,"
                + " 500} and 2 more; locker:hold:{90001–90100}; blacklist keys (1000): blacklist:jti0, blacklist:jti1,"
                + " blacklist:jti2 and 997 more");
    }

    @Test
    void theResultsFileGetsEveryKeyTheSummaryCounts() {
        List<String> keys = RedisCleanup.allKeysLeft(List.of(105L, 104L), "locker:hold:{90001–90100}",
                List.of("a", "b", "c", "d"));

        assertThat(keys).containsExactly("locker:hold:104", "locker:hold:105", "locker:hold:{90001–90100}",
                "blacklist:a", "blacklist:b", "blacklist:c", "blacklist:d");
    }

    @Test
    void nothingKnownSaysSo() {
        assertThat(RedisCleanup.keysLeft(List.of(), null, List.of())).isEqualTo("none known");
        assertThat(RedisCleanup.keysLeft(List.of(7L), null, List.of("a")))
                .isEqualTo("hold keys of lockers held by test users (1): locker:hold:{7}; blacklist keys (1): blacklist:a");
    }
}
