package locker.loadtest.results.report;

/** What a scenario outcome key of the results ({@code scenario_outcomes}) means, in words. */
public final class OutcomeLabels {
    private OutcomeLabels() {}

    /** A label for every key; a key without its own words reads as its name ({@code hold_refused_by_db}: "hold refused by db"). */
    public static String label(String key) {
        return switch (key) {
            case "hold_attempts" -> "hold attempts (requests)";
            case "holds_won" -> "holds won (201)";
            case "lost_race" -> "lost the race (409 on every locker tried)";
            case "confirmed" -> "confirmed";
            case "given_up" -> "given up (hold released)";
            case "give_up_refused" -> "give-up refused (404, hold already expired)";
            case "no_locker_available" -> "no free locker in the list";
            case "ownership_verified" -> "\"my locker\" verified";
            case "ownership_mismatched" -> "\"my locker\" mismatched";
            case "released" -> "released after confirming";
            default -> key.replace('_', ' ');
        };
    }
}
