package locker.loadtest.simulation;

import locker.loadtest.contractcheck.ContractCast;
import locker.loadtest.contractcheck.ContractCheck;
import locker.loadtest.contractcheck.ContractCheckChain;
import locker.loadtest.contractcheck.ContractReport;
import locker.loadtest.contractcheck.ContractRow;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * The contract check as a simulation of its own: one student sends, in turn, the requests that provoke every answer
 * the load test relies on ({@code ContractStep.ALL}), with two students and two lockers of the run's own test data.
 * Each request is named after its behaviour and fails when the answer differs; the table of behaviours goes to the
 * console, the results ({@code contract}), the report and the JUnit file, and a difference ends the run with exit
 * status 8. Runs against the embedded twin or any BASE_URL ({@code scripts/check_contract.sh}).
 */
public class ContractCheckSimulation extends LoadTestSimulation {
    private final List<ContractRow> rows = new CopyOnWriteArrayList<>();
    private volatile ContractCast cast;
    private long started;

    public ContractCheckSimulation() {
        super(LoadTestRun.startWithoutContractCheck(config -> ContractCheck.STUDENTS));
        if (run.config().testLockersCount < ContractCheck.LOCKERS) {
            throw LoadTestRun.refuseSettings("TEST_LOCKERS_COUNT must be at least " + ContractCheck.LOCKERS
                    + " for the contract check, which holds test lockers of its own; was " + run.config().testLockersCount);
        }
        setUp(scenario("Contract check")
                .exec(ContractCheckChain.of(() -> cast, rows::add, run::recordAccessToken))
                .injectOpen(atOnceUsers(1)))
                .protocols(run.protocol())
                .maxDuration(run.config().totalTimeout);
    }

    @Override
    public void before() {
        super.before();
        cast = run.contractCast();
        started = System.nanoTime();
    }

    @Override
    public void after() {
        run.contractChecked(ContractReport.of(run.baseUrl(), rows, System.nanoTime() - started));
        super.after();
    }
}
