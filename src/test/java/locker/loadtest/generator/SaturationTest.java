package locker.loadtest.generator;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SaturationTest {
    private static GeneratorSample sample(int allowedCores, double generatorCores, double allowedBusy, double lagMillis) {
        return new GeneratorSample(1_000, allowedCores, generatorCores, allowedBusy, allowedBusy, lagMillis,
                Map.of(GeneratorSampler.GENERATOR, generatorCores));
    }

    @Test
    void aSecondIsSaturatedByTheGeneratorsOwnCpuAStarvedGeneratorOrALateTimer() {
        assertThat(Saturation.reasons(sample(1, 0.92, 0.95, 1))).contains("generator CPU");
        assertThat(Saturation.reasons(sample(2, 0.92, 0.5, 1))).as("0.92 of two cores is not 90 %").isEmpty();
        assertThat(Saturation.reasons(sample(2, 0.3, 0.97, 1))).containsExactly("allowed cores busy");
        assertThat(Saturation.reasons(sample(2, 0.02, 1.0, 5)))
                .as("a busy machine alone does not saturate a light generator").isEmpty();
        assertThat(Saturation.reasons(sample(2, 0.02, 0.3, 250))).containsExactly("timer lag");
        assertThat(Saturation.reasons(sample(2, 0.02, 1.0, 70))).as("a busy machine's late wake-ups").isEmpty();
    }

    @Test
    void theRunIsSaturatedFromOneFifthOfItsSecondsOn() {
        assertThat(Saturation.runSaturated(2, 10)).isTrue();
        assertThat(Saturation.runSaturated(1, 10)).isFalse();
        assertThat(Saturation.runSaturated(0, 0)).isFalse();
    }

    /** 500 requests ending within 0.5 s, then 500 over 5 s. */
    private static final long[] REQUESTS = java.util.stream.LongStream.concat(
            java.util.stream.LongStream.range(0, 500), java.util.stream.LongStream.range(0, 500).map(i -> 1_000 + i * 10))
            .toArray();

    @Test
    void anUnsaturatedRunSaysWhatItsSizeNeeds() {
        List<GeneratorSample> samples = List.of(new GeneratorSample(0, 2, 0.2, 0.3, 0.3, 2, Map.of()),
                new GeneratorSample(1_000, 2, 0.3, 0.3, 0.3, 2, Map.of()));
        GeneratorSizing sizing = GeneratorReport.of(samples, "0-1", 2, false, REQUESTS).sizing();
        // 0.5 ms per request, 500 in the busiest second: 0.25 cores, / 0.9 below the threshold
        assertThat(sizing).isEqualTo(new GeneratorSizing(1000, 0.5, 500, 0.278, 1, false));
        assertThat(sizing.describe()).contains("0.500 ms of generator CPU per request").contains("needs 0.28 cores")
                .doesNotContain("at least");
        long[] tenTimesAsMany = java.util.stream.LongStream.range(0, 10_000).map(i -> i / 10).toArray();
        assertThat(GeneratorReport.of(samples, "0-1", 2, false, tenTimesAsMany).sizing().generatorsNeeded())
                .as("0.05 ms x 10,000 requests in one second = 0.56 cores").isEqualTo(1);
    }

    @Test
    void theReportSaysWhenAndWhyAndFailsTheRunOnlyUnderTheFailPolicy() {
        List<GeneratorSample> samples = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            samples.add(new GeneratorSample(1_000L * i, 1, 0.05, 0.4, 0.3, 2, Map.of("generator", 0.05, "server", 0.3)));
        }
        samples.add(new GeneratorSample(8_000, 1, 0.95, 1.0, 0.9, 700, Map.of("generator", 0.95)));
        samples.add(new GeneratorSample(9_000, 1, 0.97, 1.0, 0.9, 20, Map.of("generator", 0.97)));

        GeneratorReport warn = GeneratorReport.of(samples, "0", 1, false, REQUESTS);
        assertThat(warn.saturated()).isTrue();
        assertThat(warn.saturatedSamples()).isEqualTo(2);
        assertThat(warn.firstSaturatedAt()).isEqualTo("1970-01-01T00:00:08Z");
        assertThat(warn.reasons()).containsEntry("generator CPU", 2).containsEntry("allowed cores busy", 2)
                .containsEntry("timer lag", 1);
        assertThat(warn.generatorCoresMax()).isEqualTo(0.97);
        assertThat(warn.timerLagMaxMillis()).isEqualTo(700);
        assertThat(warn.coresByGroup()).containsEntry("server", 0.24);
        assertThat(warn.failsRun()).isFalse();
        assertThat(warn.warning()).hasValueSatisfying(line -> assertThat(line)
                .startsWith("WARNING: the load generator was saturated in 2 of 10 seconds")
                .contains("latency figures include the generator's own queueing")
                .contains("at least 2 generator(s) of this size"));
        // 2.32 s of generator CPU over 1,000 requests; 500 of them end within one second
        assertThat(warn.sizing()).isEqualTo(new GeneratorSizing(1000, 2.32, 500, 1.289, 2, true));

        assertThat(GeneratorReport.of(samples, "0", 1, true, REQUESTS).failsRun()).isTrue();
        GeneratorReport light = GeneratorReport.of(samples.subList(0, 8), "0", 1, true, REQUESTS);
        assertThat(light.saturated()).isFalse();
        assertThat(light.failsRun()).isFalse();
        assertThat(light.warning()).isEmpty();
    }

    @Test
    void procFilesAreReadAsTheKernelWritesThem() {
        assertThat(GeneratorSampler.allowedList(ProcReadings.parseCpuList("0-3,8,10-11\n"))).isEqualTo("0-3,8,10-11");
        assertThat(ProcReadings.parseCpuList("0").cardinality()).isEqualTo(1);
        var stat = ProcReadings.parseProcStat(List.of(
                "cpu  400 0 100 450 50 0 0 0 0 0",
                "cpu0 300 0 50 100 0 0 0 0 0 0",
                "intr 12345"));
        assertThat(stat.get("cpu")).isEqualTo(new ProcReadings.CoreTicks(500, 1000));
        assertThat(stat.get("cpu0")).isEqualTo(new ProcReadings.CoreTicks(350, 450));
        ProcReadings.TaskStat thread = ProcReadings.TaskStat.parse(
                "42 (gatling-1-2 x) S 1 1 1 0 -1 4194368 100 0 0 0 250 30 7 3 20 0 30 0 1 2 3").orElseThrow();
        assertThat(thread.name()).isEqualTo("gatling-1-2 x");
        assertThat(thread.ticks()).isEqualTo(280L);
        assertThat(thread.seconds(false)).isEqualTo(2.8);
        assertThat(thread.seconds(true)).isEqualTo(2.9);
        assertThat(ProcReadings.TaskStat.parse("17 (a (b) c) R 1 1 1 0 -1 0 0 0 0 0 100 0 0 0").orElseThrow().name())
                .isEqualTo("a (b) c");
        assertThat(ProcReadings.TaskStat.parse("garbage")).isEmpty();
        assertThat(GeneratorSampler.groupOf("gatling-1-2")).isEqualTo(GeneratorSampler.GENERATOR);
        assertThat(GeneratorSampler.groupOf("qtp12345-17")).isEqualTo(GeneratorSampler.SERVER);
        assertThat(GeneratorSampler.groupOf("GC Thread#0")).isEqualTo(GeneratorSampler.JVM);
        assertThat(GeneratorSampler.groupOf("C2 CompilerThre")).isEqualTo(GeneratorSampler.JVM);
        // the reference server's connection threads, as /proc cuts their names
        assertThat(GeneratorSampler.groupOf("reference-serve")).isEqualTo(GeneratorSampler.SERVER);
        assertThat(GeneratorSampler.groupOf("server-metrics")).isEqualTo(GeneratorSampler.OTHER);
    }

    @Test
    void theFragmentShowsTheVerdictAndTheFigures() {
        GeneratorReport report = GeneratorReport.of(List.of(
                new GeneratorSample(0, 2, 0.01, 0.2, 0.2, 1, Map.of("generator", 0.01))), "0-1", 2, false, new long[0]);
        var html = GeneratorHtml.render(report);
        assertThat(html.hasClass("ok")).isTrue();
        assertThat(html.select("p.generator-verdict").text()).startsWith("The load generator was not saturated (0 of 1");
        assertThat(html.select("table.generator-figures tr")).extracting(row -> row.child(0).text())
                .contains("Cores this process may use", "Timer lag, mean / max (ms)");
        assertThat(html.select("script")).isEmpty();
    }
}
