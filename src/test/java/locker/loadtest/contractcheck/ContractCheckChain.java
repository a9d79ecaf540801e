package locker.loadtest.contractcheck;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import java.util.function.Consumer;
import java.util.function.Supplier;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyBytes;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The contract check's steps ({@link ContractStep#ALL}) as one Gatling student's requests: each is named after its
 * behaviour, fails when its answer is not the expected one (the message names both), and leaves its row.
 */
public final class ContractCheckChain {
    private static final String STATUS = "contractStatus";
    private static final String BODY = "contractBody";
    private static final String EXPECTED_ANSWER = "expected answer";

    private ContractCheckChain() {}

    /**
     * The steps in turn. {@code cast} is read when the steps run (the test data is seeded after the chain is built);
     * each row goes to {@code rows}, each access token a student receives to {@code accessTokens}.
     */
    public static ChainBuilder of(Supplier<ContractCast> cast, Consumer<ContractRow> rows, Consumer<String> accessTokens) {
        ChainBuilder chain = exec(session -> session);
        for (ContractStep step : ContractStep.ALL) {
            chain = chain.exec(request(step, cast)).exec(session -> {
                if (!session.contains(STATUS)) {
                    rows.accept(ContractRow.of(step.behaviour(), step.request(cast.get()),
                            step.reading().expected(cast.get()), "no answer"));
                    return session;
                }
                int status = session.getInt(STATUS);
                byte[] body = session.get(BODY);
                rows.accept(step.row(status, body, cast.get()));
                Session next = session.remove(STATUS).remove(BODY).markAsSucceeded();
                if (step.body() == ContractStep.Body.LOG_IN_SENDER) {
                    var token = ContractStep.accessToken(status, body);
                    token.ifPresent(accessTokens);
                    return token.map(received -> next.set(tokenKey(step.sender()), received)).orElse(next);
                }
                return next;
            });
        }
        return chain;
    }

    private static HttpRequestActionBuilder request(ContractStep step, Supplier<ContractCast> cast) {
        HttpRequestActionBuilder request = http(step.behaviour()).httpRequest(step.method(), session -> step.path(cast.get()))
                .header("Content-Type", "application/json");
        if (step.sender() != ContractStep.Sender.NONE && step.body() == ContractStep.Body.NONE) {
            request = request.header("Authorization", session -> "Bearer " + session.getString(tokenKey(step.sender())));
        }
        if (step.body() != ContractStep.Body.NONE) {
            request = request.body(StringBody(session -> step.body(cast.get())));
        }
        return request.check(status().saveAs(STATUS), bodyBytes().saveAs(BODY),
                bodyBytes().transformWithSession((body, session) -> step.reading().got(session.getInt(STATUS), body, cast.get()))
                        .is(session -> step.reading().expected(cast.get())).name(EXPECTED_ANSWER));
    }

    private static String tokenKey(ContractStep.Sender sender) {
        return "contractToken" + sender;
    }
}
