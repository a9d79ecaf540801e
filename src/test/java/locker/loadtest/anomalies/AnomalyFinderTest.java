package locker.loadtest.anomalies;

import locker.contract.LockerAnswer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The anomalies a journal shows and the cause each is given, from journals written out request by request (the
 * database is not read here, so the rules that need a row state see none; AnomalyEvidenceIT reads a real one).
 */
class AnomalyFinderTest {
    private static final String A = "9900000001";
    private static final String B = "9900000002";
    private static final int LOCKER = 101;

    private static final Map<String, String> ANSWERS = Map.of("already-held", LockerAnswer.ALREADY_HELD_TEXT,
            "hold-expired", LockerAnswer.HOLD_EXPIRED_TEXT, "no-hold", LockerAnswer.NO_HOLD_TEXT,
            "failed-on-db", LockerAnswer.HOLD_FAILED_ON_DB_TEXT);

    private final List<RecordedRequest> journal = new ArrayList<>();

    @Test
    void aCleanJourneyHasNoAnomaly() {
        send(Call.LOG_IN, A, 0, 0, 10, 201, null);
        send(Call.LIST_LOCKERS, A, 0, 20, 30, 200, null);
        send(Call.HOLD, A, LOCKER, 40, 50, 201, null);
        send(Call.HOLD, B, LOCKER, 45, 55, 409, LockerAnswer.ALREADY_HELD_TEXT);
        send(Call.CONFIRM, A, LOCKER, 60, 70, 200, null);
        send(Call.MY_LOCKER, A, LOCKER, 80, 90, 200, "{\"locker\":{\"locker_id\":101,\"location_id\":\"x\",\"owner\":\"" + A + "\"}}");

        AnomalyReport report = find();

        assertThat(report.isNone()).isTrue();
        assertThat(report.counts()).containsOnlyKeys(List.of("confirm_refused", "give_up_refused", "hold_refused_by_db",
                "my_locker_mismatch", "unexpected_answer", "invariant_violated")).allSatisfy((kind, count) ->
                assertThat(count).isZero());
    }

    @Test
    void aRefusalWithoutAWonHoldIsTheServerKeepingItsWord() {
        send(Call.HOLD, A, LOCKER, 0, 10, 409, LockerAnswer.ALREADY_HELD_TEXT);
        send(Call.CONFIRM, A, LOCKER, 20, 30, 409, LockerAnswer.HOLD_EXPIRED_TEXT);
        send(Call.GIVE_UP, A, LOCKER, 40, 50, 404, LockerAnswer.NO_HOLD_TEXT);

        assertThat(find().isNone()).isTrue();
    }

    @Test
    void anotherStudentsLostHoldOverlappingTheWonHoldIsR1() {
        send(Call.HOLD, B, LOCKER, 1_000, 1_300, 409, LockerAnswer.ALREADY_HELD_TEXT);
        send(Call.HOLD, A, LOCKER, 1_005, 1_020, 201, null);
        send(Call.HOLD, B, 102, 1_400, 1_410, 201, null);
        send(Call.CONFIRM, A, LOCKER, 1_500, 1_510, 409, LockerAnswer.HOLD_EXPIRED_TEXT);

        Anomaly anomaly = only(find(), AnomalyKind.CONFIRM_REFUSED);

        assertThat(anomaly.cause()).isEqualTo("R1");
        assertThat(anomaly.student()).isEqualTo(A);
        assertThat(anomaly.locker()).isEqualTo(LOCKER);
        assertThat(anomaly.answer()).isEqualTo("409 hold expired or not found");
        assertThat(anomaly.summary()).contains("480 ms after the hold was answered 201");
        assertThat(anomaly.timeline()).extracting(TimelineEntry::offsetMs).containsExactly(-5L, 0L, 495L);
        assertThat(anomaly.timeline()).extracting(TimelineEntry::anomalous).containsExactly(false, false, true);
        assertThat(anomaly.timeline()).extracting(TimelineEntry::evidence).containsExactly(true, false, false);
        assertThat(anomaly.timelineOrigin()).isEqualTo(AnomalyFinder.instant(1_005));
    }

    @Test
    void anOlderKeylessHoldOfAnotherStudentIsR2() {
        send(Call.HOLD, B, LOCKER, 0, 10, 201, null);
        send(Call.HOLD, A, LOCKER, 61_000, 61_020, 201, null);
        send(Call.CONFIRM, A, LOCKER, 62_000, 62_010, 409, LockerAnswer.HOLD_EXPIRED_TEXT);

        Anomaly anomaly = only(find(), AnomalyKind.CONFIRM_REFUSED);
        assertThat(anomaly.cause()).isEqualTo("R2");
        assertThat(anomaly.timeline()).as("the older hold is evidence, shown though outside the window")
                .extracting(TimelineEntry::student).containsExactly(B, A, A);
    }

    /**
     * Journals whose one anomaly is checked for its cause: requests separated by {@code ;}, each
     * {@code student call locker start-end status [answer]}, times in ms, answers by the short names of {@link #ANSWERS}.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a lost hold that ended before the won hold began is no clean-up of it | B hold 101 1000-1004 409 already-held; A hold 101 1005-1020 201; A confirm 101 1500-1510 409 hold-expired | CONFIRM_REFUSED    | unexplained
            another student's release during the hold is R5                       | A hold 101 1000-1020 201; B release 101 1010-1030 200; A give_up 101 2000-2010 404 no-hold             | GIVE_UP_REFUSED    | R5
            an older hold given back is no keyless row                            | B hold 101 0-10 201; B give_up 101 500-510 200; A hold 101 61000-61020 201; A confirm 101 62000-62010 409 hold-expired | CONFIRM_REFUSED | unexplained
            a confirm after the hold's sixty seconds is no defect                 | A hold 101 0-10 201; A confirm 101 60000-60010 409 hold-expired                                         | CONFIRM_REFUSED    | hold_time_over
            a database refusal while the student still holds another locker is R9 | A hold 102 0-10 201; A hold 101 100-110 409 failed-on-db                                                | HOLD_REFUSED_BY_DB | R9
            a database refusal of a locker another student confirmed is R4        | B hold 101 0-10 201; B confirm 101 20-30 200; A hold 101 61000-61010 409 failed-on-db                   | HOLD_REFUSED_BY_DB | R4
            a database refusal while an older key runs out is R3                  | B hold 101 0-10 201; A hold 101 59995-60020 409 failed-on-db                                            | HOLD_REFUSED_BY_DB | R3
            a database refusal long after an older key ran out is unexplained     | B hold 101 0-10 201; A hold 101 70000-70020 409 failed-on-db                                            | HOLD_REFUSED_BY_DB | unexplained
            """)
    void theOneAnomalyOfAJournalIsGivenItsCause(String why, String requests, AnomalyKind kind, String cause) {
        for (String request : requests.split(";")) {
            String[] f = request.trim().split(" ");
            String[] times = f[3].split("-");
            send(Call.valueOf(f[1].toUpperCase(Locale.ROOT)), f[0].equals("A") ? A : B, Integer.parseInt(f[2]),
                    Long.parseLong(times[0]), Long.parseLong(times[1]), Integer.parseInt(f[4]),
                    f.length > 5 ? ANSWERS.get(f[5]) : null);
        }

        assertThat(only(find(), kind).cause()).isEqualTo(cause);
    }

    @Test
    void aLogin500BesideAnotherLoginOfTheSameStudentIsR10AndOtherwiseUnexplained() {
        send(Call.LOG_IN, A, 0, 0, 50, 201, null);
        send(Call.LOG_IN, A, 0, 10, 60, 500, "Internal Server Error");
        send(Call.LOG_IN, B, 0, 100, 150, 500, "Internal Server Error");

        List<Anomaly> unexpected = find().details();
        assertThat(unexpected).extracting(Anomaly::kind).containsOnly("unexpected_answer");
        assertThat(unexpected).extracting(Anomaly::student, Anomaly::cause)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(A, "R10"),
                        org.assertj.core.groups.Tuple.tuple(B, "unexplained"));
        assertThat(unexpected.get(1).locker()).isNull();
        assertThat(unexpected.get(1).timeline()).extracting(TimelineEntry::student).containsOnly(B);
    }

    @Test
    void myLockerShowingAnotherOwnerOrALockerWhereThereShouldBeNoneIsAMismatch() {
        send(Call.MY_LOCKER, A, LOCKER, 0, 10, 200, "{\"locker\":{\"locker_id\":101,\"location_id\":\"x\",\"owner\":\"" + B + "\"}}");
        send(Call.MY_LOCKER_EMPTY, B, 0, 20, 30, 200, "{\"locker\":{\"locker_id\":102,\"location_id\":\"x\",\"owner\":\"" + B + "\"}}");
        send(Call.MY_LOCKER_EMPTY, A, 0, 40, 50, 200, "{\"locker\":null}");

        AnomalyReport report = find();
        assertThat(report.count(AnomalyKind.MY_LOCKER_MISMATCH)).isEqualTo(2);
        assertThat(report.details()).extracting(Anomaly::cause).containsOnly("unexplained");
    }

    @Test
    void anUnknownAnswerOrAServerErrorIsUnexpected() {
        send(Call.HOLD, A, LOCKER, 0, 10, 503, "Service Unavailable");
        send(Call.CONFIRM, A, LOCKER, 20, 30, 409, "something new");
        send(Call.LIST_LOCKERS, A, 0, 40, 50, 500, "Internal Server Error");

        assertThat(find().count(AnomalyKind.UNEXPECTED_ANSWER)).isEqualTo(3);
    }

    @Test
    void onlyTheFirstOfAKindAreGivenInFullAndEveryOneIsCounted() {
        for (int i = 0; i < AnomalyReport.DETAILED_PER_KIND + 5; i++) {
            send(Call.HOLD, "99000001" + String.format("%02d", i), 200 + i, i * 100L, i * 100L + 10, 409,
                    LockerAnswer.HOLD_FAILED_ON_DB_TEXT);
        }

        AnomalyReport report = find();
        assertThat(report.count(AnomalyKind.HOLD_REFUSED_BY_DB)).isEqualTo(AnomalyReport.DETAILED_PER_KIND + 5);
        assertThat(report.total()).isEqualTo(AnomalyReport.DETAILED_PER_KIND + 5);
        assertThat(report.details()).hasSize(AnomalyReport.DETAILED_PER_KIND);
        assertThat(report.details().get(0).student()).isEqualTo("9900000100");
    }

    @Test
    void aCrowdedWindowKeepsTheStudentsOwnRequestsAndSaysHowManyItLeftOut() {
        send(Call.HOLD, A, LOCKER, 1_000, 1_010, 201, null);
        for (int i = 0; i < AnomalyFinder.TIMELINE_LIMIT + 30; i++) {
            send(Call.HOLD, "98" + String.format("%08d", i), LOCKER, 1_005 + i, 1_006 + i, 409, LockerAnswer.ALREADY_HELD_TEXT);
        }
        send(Call.CONFIRM, A, LOCKER, 1_500, 1_510, 409, LockerAnswer.HOLD_EXPIRED_TEXT);

        Anomaly anomaly = only(find(), AnomalyKind.CONFIRM_REFUSED);
        assertThat(anomaly.timeline()).hasSize(AnomalyFinder.TIMELINE_LIMIT);
        assertThat(anomaly.timelineOmitted()).isEqualTo(32);
        assertThat(anomaly.timeline()).filteredOn(entry -> entry.student().equals(A)).hasSize(2);
    }

    @Test
    void aViolatedInvariantIsAnAnomalyOfItsOwn() {
        send(Call.HOLD, A, LOCKER, 0, 10, 201, null);
        InvariantResult violated = new InvariantResult("owner_has_confirmed_row", "every owner has a confirmed row",
                false, 1, "1 offending: 101:42", List.of(LOCKER), List.of(42L));

        AnomalyReport report = AnomalyFinder.find(journal, List.of(violated,
                new InvariantResult("one_owner_per_locker", "no locker has two owners", true, 0, "none")));

        assertThat(report.count(AnomalyKind.INVARIANT_VIOLATED)).isEqualTo(1);
        Anomaly anomaly = report.first(AnomalyKind.INVARIANT_VIOLATED).orElseThrow();
        assertThat(anomaly.invariant()).isEqualTo("owner_has_confirmed_row");
        assertThat(anomaly.answer()).isEqualTo("1 offending: 101:42");
        assertThat(anomaly.timeline()).extracting(TimelineEntry::student).containsExactly(A);
    }

    private AnomalyReport find() {
        return AnomalyFinder.find(journal, List.of());
    }

    private static Anomaly only(AnomalyReport report, AnomalyKind kind) {
        assertThat(report.total()).as(report.toString()).isEqualTo(1);
        assertThat(report.count(kind)).isEqualTo(1);
        return report.details().get(0);
    }

    private void send(Call call, String student, int locker, long start, long end, int status, String body) {
        journal.add(new RecordedRequest(call, start, end, status, student, locker,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8)));
    }
}
