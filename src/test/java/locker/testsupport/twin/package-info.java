/**
 * Test support for talking to the reference server: the API client and its answers
 * ({@link locker.testsupport.twin.ApiClient}), raw HTTP, the stack inspector that reads the database and Redis
 * behind the API's back, the step gate that holds requests ({@link locker.testsupport.twin.HeldSteps}) and forged
 * tokens.
 */
package locker.testsupport.twin;
