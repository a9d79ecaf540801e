package locker.loadtest.capacity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The simulation's own count of requests while a capacity level runs, so that the level can be judged
 * the moment it ends (Gatling's simulation.log is read only after the run). Told when each virtual user
 * sends a request and when its answer arrives; a virtual user of the journey has one request in flight at
 * most. OK here means answered with a 2xx or a 409 (a lost race); a request still unanswered when the level
 * is judged counts with the time it has waited so far. Gatling's own OK/KO, used for the report, also
 * looks at the bodies: the live verdict is the cheaper approximation that decides when to stop.
 */
public final class LiveMeter {
    private final LongSupplier clock;
    private final Map<Long, Long> inFlight = new ConcurrentHashMap<>();
    private final List<TimedRequest> answered = new ArrayList<>();

    public LiveMeter(LongSupplier clock) {
        this.clock = clock;
    }

    public LiveMeter() {
        this(System::currentTimeMillis);
    }

    /** Virtual user {@code userId} sends a request now. */
    public void sent(long userId) {
        long now = clock.getAsLong();
        Long earlier = inFlight.put(userId, now);
        if (earlier != null) {
            // its previous request got no answer at all (a timeout or a broken connection)
            add(new TimedRequest(earlier, now - earlier, false));
        }
    }

    /** The answer to virtual user {@code userId}'s request has arrived with {@code status}. */
    public void answered(long userId, int status) {
        long now = clock.getAsLong();
        Long sent = inFlight.remove(userId);
        if (sent != null) {
            add(new TimedRequest(sent, now - sent, (status >= 200 && status < 300) || status == 409));
        }
    }

    /** The requests started in [{@code from}, {@code to}), unanswered ones with the time they have waited; forgets older ones. */
    public List<TimedRequest> takeWindow(long from, long to) {
        long now = clock.getAsLong();
        List<TimedRequest> window = new ArrayList<>();
        synchronized (answered) {
            for (TimedRequest request : answered) {
                if (request.startMillis() >= from && request.startMillis() < to) {
                    window.add(request);
                }
            }
            answered.removeIf(request -> request.startMillis() < to);
        }
        inFlight.values().stream().filter(sent -> sent >= from && sent < to)
                .forEach(sent -> window.add(new TimedRequest(sent, now - sent, true)));
        return window;
    }

    private void add(TimedRequest request) {
        synchronized (answered) {
            answered.add(request);
        }
    }
}
