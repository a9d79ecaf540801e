package locker.loadtest.anomalies;

import locker.contract.LockerAnswer;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds the run's anomalies in its journal and its invariants, and gathers the evidence of each: the timeline of the
 * requests around it, the database and Redis state of the lockers involved, and the cause that fits
 * ({@link CauseRules}). Runs after the load and before the restore, so that the state is the run's.
 */
public final class AnomalyFinder {
    /** How far before the timeline's origin its window opens. */
    static final long WINDOW_BEFORE_MILLIS = 2_000;
    /** The most requests a timeline shows; the anomalous student's own and the cause's evidence are always among them. */
    static final int TIMELINE_LIMIT = 100;

    private final Story story;
    private final LockerStateReader reader;

    private AnomalyFinder(List<RecordedRequest> requests, LockerStateReader reader) {
        this.story = new Story(requests);
        this.reader = reader;
    }

    /** A request the finder found anomalous; {@code wonHold} is the student's won hold a refusal came after. */
    private record Found(AnomalyKind kind, RecordedRequest request, RecordedRequest wonHold) {}

    /**
     * The anomalies of a run: every answer that broke a promise in {@code requests} and every violated invariant, the
     * first {@value AnomalyReport#DETAILED_PER_KIND} of each kind with their evidence.
     */
    public static AnomalyReport find(List<RecordedRequest> requests, List<InvariantResult> invariants,
                                     LockerStateReader reader) throws SQLException {
        return new AnomalyFinder(requests, reader).find(invariants);
    }

    /** The same without the database's and Redis' state, for a run without a database. */
    public static AnomalyReport find(List<RecordedRequest> requests, List<InvariantResult> invariants) {
        try {
            return find(requests, invariants, LockerStateReader.NONE);
        } catch (SQLException cannotHappen) {
            throw new IllegalStateException("LockerStateReader.NONE reads nothing", cannotHappen);
        }
    }

    private AnomalyReport find(List<InvariantResult> invariants) throws SQLException {
        Map<AnomalyKind, Long> counts = new EnumMap<>(AnomalyKind.class);
        Map<AnomalyKind, List<Found>> detailed = new EnumMap<>(AnomalyKind.class);
        for (RecordedRequest request : story.all()) {
            Found found = found(request);
            if (found != null) {
                counts.merge(found.kind(), 1L, Long::sum);
                List<Found> ofKind = detailed.computeIfAbsent(found.kind(), kind -> new ArrayList<>());
                if (ofKind.size() < AnomalyReport.DETAILED_PER_KIND) {
                    ofKind.add(found);
                }
            }
        }
        List<InvariantResult> violated = invariants.stream().filter(invariant -> !invariant.passed()).toList();
        if (!violated.isEmpty()) {
            counts.put(AnomalyKind.INVARIANT_VIOLATED, (long) violated.size());
        }

        Set<Integer> lockers = detailed.values().stream().flatMap(List::stream).map(found -> found.request().lockerId())
                .filter(locker -> locker != 0).collect(Collectors.toCollection(LinkedHashSet::new));
        List<Anomaly> details = new ArrayList<>();
        Map<Integer, LockerState> states = reader.lockers(lockers);
        for (List<Found> ofKind : detailed.values()) {
            for (Found found : ofKind) {
                details.add(detail(found, states.get(found.request().lockerId())));
            }
        }
        for (InvariantResult invariant : violated) {
            details.add(detail(invariant));
        }

        Map<String, Long> byKey = new LinkedHashMap<>();
        for (AnomalyKind kind : AnomalyKind.values()) {
            byKey.put(kind.key(), counts.getOrDefault(kind, 0L));
        }
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        return new AnomalyReport(total, byKey, AnomalyReport.DETAILED_PER_KIND, reader.readsTheDatabase(), details);
    }

    /** The anomaly a request shows, or null; a refused confirm or give-up counts only after the student's won hold. */
    private Found found(RecordedRequest request) {
        AnomalyKind kind = request.call().kindOf(request);
        if (kind == AnomalyKind.CONFIRM_REFUSED || kind == AnomalyKind.GIVE_UP_REFUSED) {
            Optional<RecordedRequest> won = story.lastHoldBefore(request)
                    .filter(hold -> hold.lockerAnswer() == LockerAnswer.HELD);
            return won.map(hold -> new Found(kind, request, hold)).orElse(null);
        }
        return kind == null ? null : new Found(kind, request, null);
    }

    private Anomaly detail(Found found, LockerState state) {
        RecordedRequest request = found.request();
        CauseRules.Explained explained = switch (found.kind()) {
            case CONFIRM_REFUSED, GIVE_UP_REFUSED -> CauseRules.refusedAfterWonHold(request, found.wonHold(), story, state);
            case HOLD_REFUSED_BY_DB -> CauseRules.refusedByTheDatabase(request, story);
            case UNEXPECTED_ANSWER -> CauseRules.unexpected(request, story);
            default -> CauseRules.Explained.UNEXPLAINED;
        };
        RecordedRequest origin = origin(found);
        long from = origin.startMillis() - WINDOW_BEFORE_MILLIS;
        List<RecordedRequest> around = request.lockerId() != 0 ? story.onLocker(request.lockerId())
                : story.ofStudent(request.student());
        List<RecordedRequest> window = around.stream()
                .filter(other -> other.overlaps(from, request.endMillis())).toList();
        Timeline timeline = Timeline.of(window, explained.evidence(),
                other -> other == request || Objects.equals(other.student(), request.student()), origin, request);
        Integer locker = request.lockerId() == 0 ? null : request.lockerId();
        String summary = found.kind().label() + ": student " + request.student()
                + (locker == null ? "" : ", locker " + locker) + ", " + request.call().requestName() + " answered "
                + request.answer() + (found.wonHold() == null ? ""
                : " " + (request.startMillis() - found.wonHold().endMillis()) + " ms after the hold was answered 201");
        return new Anomaly(found.kind().key(), summary, request.student(), locker, request.call().requestName(),
                request.answer(), instant(request.startMillis()), explained.cause().key(),
                explained.cause().description(), null, instant(origin.startMillis()), timeline.entries(),
                timeline.omitted(), state == null ? List.of() : List.of(state));
    }

    /** The timeline's origin: the student's won hold, else their last hold of the locker, else their first request on it. */
    private RecordedRequest origin(Found found) {
        RecordedRequest request = found.request();
        if (found.wonHold() != null) {
            return found.wonHold();
        }
        if (request.lockerId() == 0) {
            return request;
        }
        return story.lastHoldBefore(request).orElseGet(() -> story.ofStudent(request.student()).stream()
                .filter(other -> other.lockerId() == request.lockerId()).findFirst().orElse(request));
    }

    /**
     * A violated invariant: the offending lockers' state (and that of the lockers the offending users own or hold), and
     * the run's last requests on those lockers or by those students.
     */
    private Anomaly detail(InvariantResult invariant) throws SQLException {
        Map<Long, String> students = reader.studentIds(invariant.offendingUsers());
        Set<Integer> lockers = new LinkedHashSet<>(invariant.offendingLockers());
        lockers.addAll(reader.lockersOf(invariant.offendingUsers()));
        Map<Integer, LockerState> states = reader.lockers(lockers);
        Set<String> involved = new LinkedHashSet<>(students.values());
        states.values().stream().map(LockerState::ownerStudentId).filter(Objects::nonNull).forEach(involved::add);
        List<RecordedRequest> requests = story.all().stream()
                .filter(request -> lockers.contains(request.lockerId()) || involved.contains(request.student()))
                .toList();
        List<RecordedRequest> last = requests.subList(Math.max(0, requests.size() - TIMELINE_LIMIT), requests.size());
        long originMillis = last.isEmpty() ? 0 : last.get(0).startMillis();
        List<TimelineEntry> entries = last.stream()
                .map(request -> TimelineEntry.of(request, originMillis, null, false)).toList();
        return new Anomaly(AnomalyKind.INVARIANT_VIOLATED.key(),
                AnomalyKind.INVARIANT_VIOLATED.label() + ": " + invariant.description() + " (" + invariant.detail() + ")",
                null, null, null, invariant.detail(), null, Cause.UNEXPLAINED.key(), Cause.UNEXPLAINED.description(),
                invariant.name(), last.isEmpty() ? null : instant(originMillis), entries,
                requests.size() - last.size(), List.copyOf(states.values()));
    }

    static String instant(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }

    /** The requests a timeline shows, at most {@value #TIMELINE_LIMIT}, and how many of the window it left out. */
    record Timeline(List<TimelineEntry> entries, int omitted) {
        static Timeline of(List<RecordedRequest> window, Collection<RecordedRequest> evidence,
                           java.util.function.Predicate<RecordedRequest> alwaysShown, RecordedRequest origin,
                           RecordedRequest anomalous) {
            Set<RecordedRequest> shown = new LinkedHashSet<>();
            Stream.concat(Stream.of(anomalous, origin), Stream.concat(evidence.stream(), window.stream().filter(alwaysShown)))
                    .forEach(shown::add);
            for (RecordedRequest request : window) {
                if (shown.size() >= TIMELINE_LIMIT) {
                    break;
                }
                shown.add(request);
            }
            Set<RecordedRequest> all = new LinkedHashSet<>(window);
            all.addAll(evidence);
            int omitted = (int) all.stream().filter(request -> !shown.contains(request)).count();
            List<TimelineEntry> entries = shown.stream().sorted(Comparator.comparingLong(RecordedRequest::startMillis))
                    .map(request -> TimelineEntry.of(request, origin.startMillis(), anomalous, evidence.contains(request)))
                    .toList();
            return new Timeline(entries, omitted);
        }
    }
}
