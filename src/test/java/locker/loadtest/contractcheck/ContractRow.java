package locker.loadtest.contractcheck;

/**
 * One behaviour of the contract check: what the load test relies on, the request that provokes it, the answer
 * the load test expects, the answer the server gave, and whether they are the same.
 */
public record ContractRow(String behaviour, String request, String expected, String got, boolean passed) {
    static ContractRow of(String behaviour, String request, String expected, String got) {
        return new ContractRow(behaviour, request, expected, got, expected.equals(got));
    }
}
