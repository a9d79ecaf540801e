/**
 * The export at the end of a run: {@link locker.loadtest.results.export.ExportAtExit} is the one call a simulation
 * makes; its shutdown hook runs {@link locker.loadtest.results.export.ResultsExporter} (also scripts/summarize.sh),
 * which writes the results file, the report section, the JUnit and Markdown files and the console summary; a
 * violated invariant or a failed export sets the JVM's exit code.
 */
package locker.loadtest.results.export;
