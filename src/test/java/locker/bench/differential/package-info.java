/**
 * The differential comparison of two locker servers, scripts/compare_servers.sh
 * ({@link locker.bench.differential.CompareServers}): the same cases sent to both as exact bytes
 * ({@code WireClient}), each after a reset of both databases and Redis ({@code TargetState}), their answers, rows
 * and keys normalised ({@code Normaliser}) and compared, and the races' frequencies counted on each. The cases are
 * grouped by kind ({@code AuthCases}, {@code TokenCases}, {@code BodyCases}, {@code HttpLayerCases},
 * {@code CorsAndSwaggerCases}, {@code LockerCases}); a new case goes into its kind's class.
 */
package locker.bench.differential;
