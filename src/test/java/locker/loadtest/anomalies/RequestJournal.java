package locker.loadtest.anomalies;

import io.gatling.http.response.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Every answer of the run, kept in memory for the anomalies' evidence and for the status of each request in the
 * results (simulation.log keeps neither). Each of the project's requests passes its response through
 * {@link #record} (a {@code transformResponse}); recording is one small object per response: the body is kept by
 * reference, and only for a non-2xx answer or "my locker". The JVM runs one simulation, so the journal is one.
 */
public final class RequestJournal {
    private static final ConcurrentLinkedQueue<RecordedRequest> RECORDED = new ConcurrentLinkedQueue<>();
    private static volatile boolean keepLoginAnswers;

    private RequestJournal() {}

    /** Notes the answer to {@code call}, sent by {@code student} about {@code lockerId} (null: a call on no locker). */
    public static void record(Call call, Response response, String student, Integer lockerId) {
        int status = response.status().code();
        byte[] body = status / 100 != 2 || call.keepsEveryBody() || (keepLoginAnswers && call == Call.LOG_IN)
                ? response.body().bytes() : null;
        RECORDED.add(new RecordedRequest(call, response.startTimestamp(), response.endTimestamp(), status, student,
                lockerId == null ? 0 : lockerId, body));
    }

    /**
     * From now on, keeps the answers to logins too (their tokens): a run without its database gives back what its
     * students took, and logs them out, with them.
     */
    public static void keepLoginAnswers() {
        keepLoginAnswers = true;
    }

    /** What was recorded so far, in the order the answers came. */
    public static List<RecordedRequest> recorded() {
        return new ArrayList<>(RECORDED);
    }

    /** Hands out what was recorded and forgets it. */
    public static List<RecordedRequest> drain() {
        List<RecordedRequest> drained = new ArrayList<>();
        RecordedRequest request;
        while ((request = RECORDED.poll()) != null) {
            drained.add(request);
        }
        return drained;
    }
}
