package locker.loadtest.results.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The median of several runs' figure: as a value, and as the run that has it. */
public final class Median {
    private Median() {}

    /** The middle value, or the mean of the middle two. */
    public static double of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The run whose figure is the median; for an even count, the lower of the middle two. */
    public static <T> T run(List<T> runs, ToDoubleFunction<T> figure) {
        List<T> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble(figure));
        return sorted.get((sorted.size() - 1) / 2);
    }
}
