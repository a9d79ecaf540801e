package locker.loadtest.results.compare;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MedianTest {

    @Test
    void theMedianIsTheMiddleValueOrTheMeanOfTheMiddleTwo() {
        assertThat(Median.of(1_336.0, 1_684.0, 1_652.0)).isEqualTo(1_652.0);
        assertThat(Median.of(4.0, 1.0, 3.0, 2.0)).isEqualTo(2.5);
        assertThat(Median.of(7.0)).isEqualTo(7.0);
        assertThatThrownBy(Median::of).hasMessage("no values");
    }

    @Test
    void theMedianRunIsTheMiddleOneOrTheLowerOfTheMiddleTwo() {
        assertThat(Median.run(List.of("c", "a", "b"), s -> s.charAt(0))).isEqualTo("b");
        assertThat(Median.run(List.of("d", "a", "c", "b"), s -> s.charAt(0))).isEqualTo("b");
    }
}
