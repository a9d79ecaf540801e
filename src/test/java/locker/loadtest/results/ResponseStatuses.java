package locker.loadtest.results;

import io.gatling.http.response.Response;
import io.gatling.javaapi.core.Session;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The HTTP status of every response, which Gatling's simulation.log does not keep. Each request of the
 * project passes its response through {@link #record} (a {@code transformResponse}); the statuses are kept
 * by request name, start and end, the three things the log does hold for the same request, and written
 * into the run folder as {@value #FILE_NAME} at the end of the run. Recording costs one small object per
 * response; no string is built.
 */
public final class ResponseStatuses {
    public static final String FILE_NAME = "response-statuses.tsv";

    private static final ConcurrentLinkedQueue<Recorded> RECORDED = new ConcurrentLinkedQueue<>();

    private record Recorded(String name, long startMillis, long endMillis, int status) {}

    /** The lookup key of a request: its name, start and response time, as the log has them. */
    private record Key(String name, long startMillis, long responseTimeMillis) {}

    private final Map<Key, Deque<Integer>> statuses;

    private ResponseStatuses(Map<Key, Deque<Integer>> statuses) {
        this.statuses = statuses;
    }

    /** For {@code transformResponse}: notes the response's status and hands the response on unchanged. */
    public static Response record(Response response, Session session) {
        RECORDED.add(new Recorded(response.request().getName(), response.startTimestamp(), response.endTimestamp(),
                response.status().code()));
        return response;
    }

    /** Writes what was recorded since the JVM started (or the last write) into {@code runDirectory}. */
    public static void writeRecorded(Path runDirectory) {
        try (BufferedWriter out = Files.newBufferedWriter(runDirectory.resolve(FILE_NAME), StandardCharsets.UTF_8)) {
            Recorded recorded;
            while ((recorded = RECORDED.poll()) != null) {
                out.write(recorded.name() + '\t' + recorded.startMillis() + '\t' + recorded.endMillis() + '\t'
                        + recorded.status() + '\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + runDirectory.resolve(FILE_NAME), e);
        }
    }

    /** The statuses stored in a run folder; none when the run left no file. */
    public static ResponseStatuses readFrom(Path runDirectory) {
        Path file = runDirectory.resolve(FILE_NAME);
        Map<Key, Deque<Integer>> statuses = new HashMap<>();
        if (Files.isRegularFile(file)) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                    String[] fields = line.split("\t");
                    if (fields.length != 4) {
                        throw new IllegalStateException(file + ": not a status line: " + line);
                    }
                    long start = Long.parseLong(fields[1]);
                    statuses.computeIfAbsent(new Key(fields[0], start, Long.parseLong(fields[2]) - start),
                            key -> new ArrayDeque<>()).add(Integer.valueOf(fields[3]));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return new ResponseStatuses(statuses);
    }

    /**
     * The status of one request of the log, each recorded status given out once. A failed status check
     * names the status itself; a request that got no response (refused, timed out) has none: null.
     */
    public Integer take(GatlingLogReader.RequestEntry request) {
        Deque<Integer> candidates = statuses.get(new Key(request.name(), request.startMillis(), request.responseTimeMillis()));
        Integer named = ErrorStatus.of(request.errorMessage());
        if (named != null) {
            if (candidates != null) {
                candidates.removeFirstOccurrence(named);
            }
            return named;
        }
        return candidates == null ? null : candidates.poll();
    }
}
