package locker.bench;

import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * What a row's figures should be: limits, each written from the very value its check compares against, so
 * the goal the table prints and the check behind its "met" cannot drift apart.
 *
 * @param <T> the figures the limits read
 */
record Goal<T>(List<Limit<T>> limits) {

    @SafeVarargs
    static <T> Goal<T> of(Limit<T>... limits) {
        return new Goal<>(List.of(limits));
    }

    /** The goal cell: the limits' texts, in order. */
    String text() {
        return limits.stream().map(Limit::text).collect(Collectors.joining(", "));
    }

    boolean metBy(T figures) {
        return limits.stream().allMatch(limit -> limit.check().test(figures));
    }

    /** One limit; a figure that is NaN (not measured) meets none. */
    record Limit<T>(String text, Predicate<T> check) {

        static <T> Limit<T> atLeast(String figure, double value, DoubleFunction<String> shown, ToDoubleFunction<T> measured) {
            return new Limit<>(named(figure, "≥ ", value, shown), f -> measured.applyAsDouble(f) >= value);
        }

        static <T> Limit<T> atMost(String figure, double value, DoubleFunction<String> shown, ToDoubleFunction<T> measured) {
            return new Limit<>(named(figure, "≤ ", value, shown), f -> measured.applyAsDouble(f) <= value);
        }

        static <T> Limit<T> below(String figure, double value, DoubleFunction<String> shown, ToDoubleFunction<T> measured) {
            return new Limit<>(named(figure, "< ", value, shown), f -> measured.applyAsDouble(f) < value);
        }

        /** "0 failed": the count must be zero. */
        static <T> Limit<T> none(String what, ToLongFunction<T> count) {
            return new Limit<>("0 " + what, f -> count.applyAsLong(f) == 0);
        }

        /** A condition without a number, in words. */
        static <T> Limit<T> that(String text, Predicate<T> check) {
            return new Limit<>(text, check);
        }

        private static String named(String figure, String bound, double value, DoubleFunction<String> shown) {
            return (figure.isEmpty() ? "" : figure + " ") + bound + shown.apply(value);
        }
    }
}
