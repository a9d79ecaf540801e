package locker.loadtest.results;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import locker.loadtest.results.GatlingLogReader.RequestEntry;
import org.HdrHistogram.Histogram;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;

/**
 * The {@code latency_histograms} section: every request's response time as Gatling logged it (whole milliseconds, OK
 * and KO alike), for all requests and per request name, as HdrHistograms in their compressed form, base64-encoded.
 * Unlike percentiles, histograms add up: the runs of several load generators merge into exactly the histogram one
 * generator would have recorded ({@link #merge}).
 *
 * <p>Precision: {@value #SIGNIFICANT_DIGITS} significant digits. Every value up to 2,047 ms is kept exactly; above, a
 * value is kept within 0.1 % of itself. A percentile read from a histogram ({@link #percentile}) is the nearest-rank
 * percentile of the recorded values (the smallest value at or below which that share of them lie), to that precision.
 *
 * @param unit              {@value #UNIT}
 * @param significantDigits {@value #SIGNIFICANT_DIGITS}
 * @param all               every request
 * @param endpoints         per request name, in the order of the run's first request of each
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LatencyHistograms(String unit, int significantDigits, String all, Map<String, String> endpoints) {
    public static final String UNIT = "ms";
    public static final int SIGNIFICANT_DIGITS = 3;

    public LatencyHistograms {
        endpoints = endpoints == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(endpoints));
    }

    /** The histograms of a run's requests. */
    public static LatencyHistograms of(List<RequestEntry> requests) {
        Histogram all = empty();
        Map<String, Histogram> byName = new LinkedHashMap<>();
        for (RequestEntry request : requests) {
            all.recordValue(request.responseTimeMillis());
            byName.computeIfAbsent(request.name(), name -> empty()).recordValue(request.responseTimeMillis());
        }
        return of(all, byName);
    }

    /** The histograms of several runs together: what one run with all their requests would have recorded. */
    public static LatencyHistograms merge(List<LatencyHistograms> runs) {
        Histogram all = empty();
        Map<String, Histogram> byName = new LinkedHashMap<>();
        for (LatencyHistograms run : runs) {
            all.add(run.allHistogram());
            run.endpoints.forEach((name, encoded) -> byName.computeIfAbsent(name, n -> empty()).add(decode(encoded)));
        }
        return of(all, byName);
    }

    public Histogram allHistogram() {
        return decode(all);
    }

    /** The histogram of one request name; empty when the run had no such request. */
    public Histogram endpoint(String name) {
        String encoded = endpoints.get(name);
        return encoded == null ? empty() : decode(encoded);
    }

    /** The nearest-rank percentile ({@code percent} of 100) of {@code histogram}, in ms; 0 for an empty one. */
    public static long percentile(Histogram histogram, double percent) {
        return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(percent);
    }

    private static LatencyHistograms of(Histogram all, Map<String, Histogram> byName) {
        Map<String, String> endpoints = new LinkedHashMap<>();
        byName.forEach((name, histogram) -> endpoints.put(name, encode(histogram)));
        return new LatencyHistograms(UNIT, SIGNIFICANT_DIGITS, encode(all), endpoints);
    }

    private static Histogram empty() {
        Histogram histogram = new Histogram(SIGNIFICANT_DIGITS);
        histogram.setAutoResize(true);
        return histogram;
    }

    private static String encode(Histogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
    }

    private static Histogram decode(String encoded) {
        try {
            Histogram histogram = Histogram.decodeFromCompressedByteBuffer(
                    ByteBuffer.wrap(Base64.getDecoder().decode(encoded)), 0);
            histogram.setAutoResize(true);
            return histogram;
        } catch (DataFormatException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an encoded HdrHistogram: " + e.getMessage(), e);
        }
    }
}
