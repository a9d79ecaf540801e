/**
 * What the deployed service and this project agree on, used by the load test and the reference server alike: the
 * routes ({@link locker.contract.ApiRoute}, under {@link locker.contract.Api#PREFIX}), the texts of the refusals the
 * load test checks ({@link locker.contract.Api}), the Redis keys and the hold's 60 s ({@link locker.contract.RedisKeys}),
 * the hash a refresh token is stored by ({@link locker.contract.TokenHash}), the derivation of serial ids from student
 * ids ({@link locker.contract.SerialId}), the reading of {@code GET /lockers} ({@link locker.contract.LockerList}) and
 * of "my locker" ({@link locker.contract.MyLocker}), and what each answer to a hold, confirm or give-up means, by its
 * status and exact text ({@link locker.contract.LockerAnswer}). A change here is a change of the contract: the twin in
 * {@code locker.twin.server} and the load test must both follow it.
 */
package locker.contract;
