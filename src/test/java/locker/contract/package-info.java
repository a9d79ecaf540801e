/**
 * What the deployed service and this project agree on, used by the load test and the reference server alike:
 * the Redis keys ({@link locker.contract.RedisKeys}), the derivation of serial ids from student ids
 * ({@link locker.contract.SerialId}) and the reading of {@code GET /lockers} ({@link locker.contract.LockerList}).
 * Uses nothing of the project. A change here is a change of the contract: the twin in
 * {@code locker.twin.server} and the load test must both follow it.
 */
package locker.contract;
