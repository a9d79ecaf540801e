/**
 * The load generator's self-check: {@link locker.loadtest.generator.GeneratorSampler} samples the CPU of Gatling's
 * own threads, the cores and timer lag from /proc during a run, {@link locker.loadtest.generator.Saturation} says
 * whether the generator, not the server, was the limit, and {@link locker.loadtest.generator.GeneratorReport} and
 * {@link locker.loadtest.generator.GeneratorHtml} show it. {@link locker.loadtest.generator.ProcReadings} and
 * {@link locker.loadtest.generator.ThreadKind} (whose work a thread does) also serve the benchmark's CPU readings.
 */
package locker.loadtest.generator;
