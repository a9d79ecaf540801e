/**
 * The benchmark harness. {@link locker.bench.Benchmark} is scripts/benchmark.sh: each step
 * ({@link locker.bench.LoadRuns}, {@link locker.bench.ServerAlone}, {@link locker.bench.SeedingBenchmark},
 * {@link locker.bench.StartupSplit}, {@link locker.bench.GeneratorCeiling}) gives rows whose goals are
 * {@link locker.bench.Goal} values, so the text a row prints and the check behind its "met" are one; every load
 * run is a real {@code ./mvnw gatling:test} watched from outside ({@link locker.bench.BenchmarkRuns},
 * {@link locker.bench.GatlingRun}: timestamps, CPU from /proc). The generator's own cost is measured against a
 * canned nginx ({@link locker.bench.NginxStub}, scripts/ceiling-stub/nginx.conf.template), with
 * {@link locker.bench.GatlingFloorSimulation} as Gatling's floor under the journey. {@code differential} is
 * scripts/compare_servers.sh.
 */
package locker.bench;
