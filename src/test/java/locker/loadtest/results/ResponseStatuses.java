package locker.loadtest.results;

import locker.loadtest.anomalies.RecordedRequest;
import locker.loadtest.anomalies.RequestJournal;

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

/**
 * The HTTP status of every response, which Gatling's simulation.log does not keep: taken from the run's
 * {@link RequestJournal} by request name, start and end, the three things the log does hold for the same request,
 * and written into the run folder as {@value #FILE_NAME} at the end of the run.
 */
public final class ResponseStatuses {
    public static final String FILE_NAME = "response-statuses.tsv";

    /** The lookup key of a request: its name, start and response time, as the log has them. */
    private record Key(String name, long startMillis, long responseTimeMillis) {}

    private final Map<Key, Deque<Integer>> statuses;

    private ResponseStatuses(Map<Key, Deque<Integer>> statuses) {
        this.statuses = statuses;
    }

    /** Writes the journal's statuses (it is emptied) into {@code runDirectory}. */
    public static void writeRecorded(Path runDirectory) {
        try (BufferedWriter out = Files.newBufferedWriter(runDirectory.resolve(FILE_NAME), StandardCharsets.UTF_8)) {
            for (RecordedRequest recorded : RequestJournal.drain()) {
                out.write(recorded.call().requestName() + '\t' + recorded.startMillis() + '\t' + recorded.endMillis()
                        + '\t' + recorded.status() + '\n');
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
