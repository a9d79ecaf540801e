package locker.bench;

import locker.loadtest.generator.ProcReadings;
import locker.loadtest.simulation.LoadTestRun;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One {@code ./mvnw gatling:test} as a user runs it, watched from outside: every line of its output is
 * timestamped as it arrives (which gives the start-up split), and the CPU of the processes involved is read
 * when Gatling announces the simulation's start and end (which says where the run's CPU went).
 */
final class GatlingRun {
    /** How Gatling's lines about the simulation's start and end begin. */
    private static final String SIMULATION_LINE = "Simulation locker.";

    /**
     * The lines watched for as they come, in the order they appear: where the embedded stack's PostgreSQL listens, and
     * when to read the processes' CPU. The phases of a run come from its results file's timeline, not from here.
     */
    enum Milestone {
        STACK_STARTED(LoadTestRun.STACK_STARTED_LINE.substring(0, LoadTestRun.STACK_STARTED_LINE.indexOf("{}"))),
        /** Gatling's own lines, {@code Simulation locker.… started...} and {@code Simulation locker.… completed in …}. */
        SIMULATION_STARTED(SIMULATION_LINE),
        SIMULATION_COMPLETED(" completed in ");

        final String marker;

        Milestone(String marker) {
            this.marker = marker;
        }
    }

    /**
     * What a run left behind; {@code stackStartSeconds} is how long the embedded stack took to start, as the
     * run logged it (empty against a server of its own).
     */
    record Result(int exitCode, Path log, Path resultsFile, Instant started, Instant ended, Instant gatlingJvmStarted,
                  Map<String, Double> cpuDuringRun, Optional<Double> stackStartSeconds) {
        Duration wallTime() {
            return Duration.between(started, ended);
        }
    }

    /** A reference server running in a JVM of its own, and the port of its PostgreSQL. */
    record Server(ProcessHandle jvm, int postgresPort) {}

    private static final long TIMEOUT_MINUTES = 20;
    /**
     * The line of {@link Milestone#STACK_STARTED}, each value of {@link LoadTestRun#STACK_STARTED_LINE} a group: the
     * stack's start-up milliseconds, its base URL, where its PostgreSQL and its Redis listen.
     */
    private static final Pattern STACK_LINE = Pattern.compile(Arrays.stream(
            LoadTestRun.STACK_STARTED_LINE.split("\\{}", -1)).map(Pattern::quote).collect(Collectors.joining("(\\S+)")));

    private GatlingRun() {}

    /**
     * Runs {@code ./mvnw -B gatling:test} in {@code project} with the given settings (as {@code -DNAME=value}),
     * writing its output to {@code log}. {@code server} is the reference server when it runs on its own;
     * otherwise the embedded stack runs in Gatling's JVM and says where its PostgreSQL listens. {@code prefix} goes
     * before {@code ./mvnw} ({@code taskset -c 1}: Maven and the Gatling JVM it forks inherit the pinning).
     */
    static Result run(Path project, List<String> prefix, Map<String, String> settings, Path resultsFile, Path log,
                      Optional<Server> server) {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of("./mvnw", "-B", "gatling:test"));
        settings.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.add("-DRESULTS_FILENAME=" + resultsFile.toAbsolutePath());
        Map<Milestone, Instant> milestones = new LinkedHashMap<>();
        Map<String, Double> cpuAtStart = Map.of();
        Map<String, Double> cpuDuringRun = Map.of();
        Instant gatlingJvmStarted = null;
        Optional<Double> stackStartSeconds = Optional.empty();
        OptionalInt postgresPort = server.map(s -> OptionalInt.of(s.postgresPort())).orElse(OptionalInt.empty());
        try {
            Files.createDirectories(log.getParent());
            Files.deleteIfExists(resultsFile);
            Instant started = Instant.now();
            Process maven = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true).start();
            try (BufferedReader output = new BufferedReader(new InputStreamReader(maven.getInputStream(),
                    StandardCharsets.UTF_8)); PrintWriter logFile = new PrintWriter(Files.newBufferedWriter(log))) {
                String line;
                while ((line = output.readLine()) != null) {
                    Instant now = Instant.now();
                    logFile.println(line);
                    Optional<Milestone> reached = milestone(line, milestones);
                    if (reached.isEmpty()) {
                        continue;
                    }
                    milestones.put(reached.get(), now);
                    if (reached.get() == Milestone.STACK_STARTED) {
                        Matcher stack = stackLine(line);
                        stackStartSeconds = Optional.of(Integer.parseInt(stack.group(1)) / 1000.0);
                        postgresPort = OptionalInt.of(Integer.parseInt(stack.group(3)));
                    }
                    Optional<ProcessHandle> gatling = gatlingJvm(maven);
                    if (gatlingJvmStarted == null) {
                        gatlingJvmStarted = gatling.flatMap(p -> p.info().startInstant()).orElse(null);
                    }
                    if (reached.get() == Milestone.SIMULATION_STARTED) {
                        cpuAtStart = cpu(gatling, server, postgresPort);
                    } else if (reached.get() == Milestone.SIMULATION_COMPLETED) {
                        cpuDuringRun = ProcessCpu.difference(cpuAtStart, cpu(gatling, server, postgresPort));
                    }
                }
            }
            if (!maven.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                maven.destroyForcibly();
                throw new IllegalStateException("the run did not end within " + TIMEOUT_MINUTES + " minutes; see " + log);
            }
            List<Milestone> missed = missed(milestones.keySet(), server.isEmpty() && !settings.containsKey("BASE_URL"));
            if (maven.exitValue() == 0 && !missed.isEmpty()) {
                throw new IllegalStateException("the run's output had no line for " + missed + " (" + missed.stream()
                        .map(m -> "'" + m.marker + "'").collect(Collectors.joining(", ")) + "), so its CPU was not read;"
                        + " has the line's wording changed? See " + log);
            }
            return new Result(maven.exitValue(), log, resultsFile, started, Instant.now(), gatlingJvmStarted,
                    cpuDuringRun, stackStartSeconds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The next milestone the line marks, if any; each is taken once, in order. */
    static Optional<Milestone> milestone(String line, Map<Milestone, Instant> reached) {
        for (Milestone milestone : Milestone.values()) {
            if (!reached.containsKey(milestone) && line.contains(milestone.marker)
                    && (milestone != Milestone.SIMULATION_COMPLETED || line.contains(SIMULATION_LINE))) {
                return Optional.of(milestone);
            }
        }
        return Optional.empty();
    }

    /** The milestones a run that ended well must have passed and did not; the stack's only when it started one. */
    static List<Milestone> missed(Set<Milestone> reached, boolean embeddedStack) {
        return Arrays.stream(Milestone.values())
                .filter(m -> !reached.contains(m) && (embeddedStack || m != Milestone.STACK_STARTED))
                .toList();
    }

    /** The values of a {@link Milestone#STACK_STARTED} line, as {@link #STACK_LINE}'s groups. */
    static Matcher stackLine(String line) {
        Matcher stack = STACK_LINE.matcher(line);
        if (!stack.find()) {
            throw new IllegalStateException("the embedded stack's line does not read as '" + LoadTestRun.STACK_STARTED_LINE
                    + "': " + line);
        }
        return stack;
    }

    /** Maven forks Gatling's JVM: the Java process below Maven's own. */
    private static Optional<ProcessHandle> gatlingJvm(Process maven) {
        return maven.descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .reduce((first, second) -> second);
    }

    private static Map<String, Double> cpu(Optional<ProcessHandle> gatling, Optional<Server> server,
                                           OptionalInt postgresPort) {
        Map<String, Double> cpu = new LinkedHashMap<>();
        if (!ProcReadings.available()) {
            return cpu;
        }
        gatling.ifPresent(jvm -> cpu.putAll(ProcessCpu.read(ProcessCpu.LOAD_JVM, jvm,
                server.isPresent() ? OptionalInt.empty() : postgresPort)));
        server.ifPresent(s -> cpu.putAll(ProcessCpu.read("server JVM", s.jvm(), postgresPort)));
        return cpu;
    }
}
