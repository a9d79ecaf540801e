package locker.bench;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading a run's CPU time from /proc, split by the groups of threads. */
class ProcessCpuTest {

    @Test
    void threadsAreGroupedByWhoseWorkTheyDo() {
        assertThat(ProcessCpu.groupOf("gatling-1-2")).isEqualTo(ProcessCpu.GATLING);
        assertThat(ProcessCpu.groupOf("qtp1735600054-3")).isEqualTo(ProcessCpu.SERVER);
        assertThat(ProcessCpu.groupOf("hold-expiry-eve")).isEqualTo(ProcessCpu.SERVER);
        assertThat(ProcessCpu.groupOf("GC Thread#1")).isEqualTo(ProcessCpu.GC);
        assertThat(ProcessCpu.groupOf("C2 CompilerThre")).isEqualTo(ProcessCpu.JIT);
        assertThat(ProcessCpu.groupOf("reference-serve")).isEqualTo(ProcessCpu.SERVER);
        assertThat(ProcessCpu.groupOf("server-metrics")).isNull();
    }

    @Test
    void thisJvmsCpuIsReadAndGrowsWithWork() {
        Map<String, Double> before = ProcessCpu.read("this JVM", ProcessHandle.current(), OptionalInt.empty());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long spin = 0;
        for (long end = threads.getCurrentThreadCpuTime() + 300_000_000L; threads.getCurrentThreadCpuTime() < end; ) {
            spin++;
        }
        Map<String, Double> used = ProcessCpu.difference(before,
                ProcessCpu.read("this JVM", ProcessHandle.current(), OptionalInt.empty()));

        assertThat(spin).isPositive();
        // this thread ("main") is in no group: its 0.3 CPU seconds show under "other"
        assertThat(used).doesNotContainKey(ProcessCpu.POSTGRES);
        assertThat(used.get("this JVM: other")).isGreaterThanOrEqualTo(0.25);
        assertThat(used.values()).allSatisfy(seconds -> assertThat(seconds).isNotNegative());
    }
}
