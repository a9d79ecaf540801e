/**
 * The contract check: whether a server gives every answer the load test relies on, by status and exact text.
 * {@link locker.loadtest.contractcheck.ContractStep} lists the behaviours, the request that provokes each and the
 * answer expected; {@link locker.loadtest.contractcheck.ContractCheck} sends them with the JDK's client before a run
 * against a BASE_URL, with test data of its own; {@link locker.loadtest.contractcheck.ContractCheckChain} sends the
 * same steps as a Gatling student ({@code ContractCheckSimulation});
 * {@link locker.loadtest.contractcheck.ContractReport} is the results' {@code contract} section.
 */
package locker.loadtest.contractcheck;
