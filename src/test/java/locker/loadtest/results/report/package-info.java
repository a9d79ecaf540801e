/**
 * The results as people read them: the "Locker rush" section added to Gatling's index.html
 * ({@link locker.loadtest.results.report.LockerRushSection}), the console summary, the JUnit XML and Markdown files
 * for CI, and the words and labels they share.
 */
package locker.loadtest.results.report;
