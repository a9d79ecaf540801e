package locker.loadtest.simulation;

import locker.config.LoadTestConfig;
import locker.loadtest.contractcheck.ContractCheck;
import locker.loadtest.results.ExitStatus;

import java.time.Duration;
import java.util.Locale;

/**
 * What a run of scripts/run_load_test.sh will do, from the same settings the simulation reads (system properties,
 * environment, load-test.conf), checked before anything is started: a bad setting ends it with exit code 2.
 * Arguments: the simulation class; or {@code --results-file} to print only where the results file goes.
 * Never prints a password.
 */
public final class RunPlan {
    private RunPlan() {}

    public static void main(String[] args) {
        LoadTestConfig config = LoadTestRun.settingsOrExit();
        if (args.length == 1 && args[0].equals("--results-file")) {
            System.out.println(config.resultsFilename);
        } else if (args.length == 1) {
            System.out.print(describe(config, args[0]));
        } else {
            ExitStatus.BAD_SETTINGS.exit("usage: RunPlan SIMULATION_CLASS | --results-file");
        }
    }

    static String describe(LoadTestConfig config, String simulationClass) {
        StringBuilder out = new StringBuilder();
        line(out, "simulation", simulationClass);
        line(out, "target", config.usesEmbeddedStack()
                ? LoadTestConfig.EMBEDDED_TARGET
                + " (PostgreSQL, Redis and the reference server start inside the Gatling JVM)"
                : config.baseUrl.orElseThrow());
        if (!config.usesEmbeddedStack()) {
            line(out, "database", config.database + " (test users and lockers are added, then removed)");
            line(out, "redis", config.redis.toString());
        }
        if (simulationClass.equals(SmokeSimulation.class.getName())) {
            line(out, "users", SmokeSimulation.STUDENTS + " (student id " + config.studentIdStart + ")");
        } else if (simulationClass.equals(ContractCheckSimulation.class.getName())) {
            line(out, "users", "1 sending the contract check's requests as " + ContractCheck.STUDENTS + " students"
                    + studentIds(config, ContractCheck.STUDENTS) + ", on " + ContractCheck.LOCKERS + " test lockers");
        } else if (simulationClass.equals(LockerRaceSimulation.class.getName())) {
            line(out, "users", config.raceUsers + " racing for one locker" + studentIds(config, config.raceUsers));
        } else if (simulationClass.equals(ReferenceServerBenchmarkSimulation.class.getName())) {
            line(out, "users", config.benchmarkUsers + " sending "
                    + config.benchmarkRequests.name().toLowerCase(Locale.ROOT) + " requests for "
                    + seconds(config.benchmarkDuration) + " s" + studentIds(config, config.benchmarkUsers));
        } else {
            line(out, "users", config.totalUsers + studentIds(config, config.totalUsers));
            line(out, "profile", profile(config));
            line(out, "assertions", "mean < " + seconds(config.maxMeanResponseTime) + " s, 95th < "
                    + seconds(config.maxP95ResponseTime) + " s, success > " + number(config.minSuccessRate) + " %"
                    + (config.profile.hasThroughputGoal() ? ", throughput > " + number(config.minThroughput) + " req/s"
                    : ""));
        }
        line(out, "results file", config.resultsFilename);
        return out.toString();
    }

    private static String studentIds(LoadTestConfig config, int students) {
        return " (student ids " + config.studentIdStart + " to " + config.lastStudentId(students) + ")";
    }

    private static String profile(LoadTestConfig config) {
        String name = config.profile.name().toLowerCase(Locale.ROOT);
        return switch (config.profile) {
            case BATCH -> name + " (at most " + config.concurrentUsers + " at once, " + seconds(config.batchDelay)
                    + " s before each next student)";
            case RUSH -> name + " (all within one second)";
            case RAMP -> name + " (arriving over " + seconds(config.rampDuration) + " s)";
            case SOAK -> name + " (" + number(config.soakArrivalRate) + " per second for "
                    + seconds(config.soakDuration) + " s, " + config.soakRepeats + " journeys each)";
            case CAPACITY -> name + " (levels " + locker.loadtest.capacity.CapacityPlan.of(config).levels() + " students, "
                    + seconds(config.capacityLevelDuration) + " s each, until a goal breaks)";
        };
    }

    private static void line(StringBuilder out, String name, String value) {
        out.append(String.format(Locale.ROOT, "  %-14s%s%n", name + ":", value));
    }

    private static String seconds(Duration duration) {
        return number(duration.toMillis() / 1000.0);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
