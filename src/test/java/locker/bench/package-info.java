/**
 * The benchmark harness: {@link locker.bench.Benchmark} is scripts/benchmark.sh (it runs {@code ./mvnw gatling:test}
 * as processes and watches them: timestamps, CPU from /proc, the table and benchmark_results.json),
 * {@link locker.bench.SeedingBenchmark} is scripts/benchmark-seeding.sh. The generator's own cost is measured
 * against a canned nginx ({@link locker.bench.NginxStub}, scripts/ceiling-stub/nginx.conf.template), with
 * {@link locker.bench.GatlingFloorSimulation} as Gatling's floor under the journey.
 */
package locker.bench;
