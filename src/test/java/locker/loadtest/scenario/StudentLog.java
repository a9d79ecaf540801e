package locker.loadtest.scenario;

import java.util.function.Supplier;

import io.gatling.javaapi.core.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The original load test's per-student lines ({@code User 42: Login successful}), when PER_USER_LOGGING is on. */
public final class StudentLog {
    private static final Logger LOG = LoggerFactory.getLogger("locker.students");
    private final boolean enabled;

    public StudentLog(boolean enabled) {
        this.enabled = enabled;
    }

    public Session say(Session session, String message) {
        return say(session, () -> message);
    }

    /** The same; the message is only built when the line is written. */
    public Session say(Session session, Supplier<String> message) {
        if (enabled) {
            LOG.info("User {}: {}", session.userId(), message.get());
        }
        return session;
    }
}
