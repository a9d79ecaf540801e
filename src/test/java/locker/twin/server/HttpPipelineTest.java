package locker.twin.server;

import locker.contract.ApiRoute;
import locker.twin.server.HttpPipeline.Route;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Fiber's path matching: the detection path, parameters taken raw, empty segments. */
class HttpPipelineTest {
    private static final Route HOLD = Route.of(ApiRoute.HOLD, ctx -> {});
    private static final Route LIST = Route.of(ApiRoute.LOCKERS, ctx -> {});

    @Test
    void theDetectionPathIsAsciiLowerCaseWithoutTrailingSlashes() {
        assertThat(HttpPipeline.detectionPath("/API/V1/Lockers///")).isEqualTo("/api/v1/lockers");
        assertThat(HttpPipeline.detectionPath("/")).isEqualTo("/");
        assertThat(HttpPipeline.detectionPath("/Ä/İ")).isEqualTo("/Ä/İ");
    }

    @Test
    void aParameterKeepsTheRequestsCaseAndPercentEscapes() {
        String raw = "/API/v1/Lockers/101%20AbC/Hold/";

        assertThat(HOLD.match(HttpPipeline.detectionPath(raw), raw)).isEqualTo("101%20AbC");
        assertThat(HOLD.match("/api/v1/lockers/+101/hold", "/api/v1/lockers/+101/hold")).isEqualTo("+101");
    }

    @Test
    void anEmptyOrMissingSegmentMatchesNothing() {
        assertThat(HOLD.match("/api/v1/lockers//hold", "/api/v1/lockers//hold")).isNull();
        assertThat(HOLD.match("/api/v1/lockers/1/2/hold", "/api/v1/lockers/1/2/hold")).isNull();
        assertThat(HOLD.match("/api/v1/lockers/1/holdx", "/api/v1/lockers/1/holdx")).isNull();
        assertThat(LIST.match("/api/v1/lockers", "/api/v1/lockers")).isEmpty();
        assertThat(LIST.match("/api/v1/lockersx", "/api/v1/lockersx")).isNull();
        assertThat(LIST.match("/api/v1", "/api/v1")).isNull();
    }

    @Test
    void theNotFoundPathIsEscapedAsGoEscapesHtml() {
        assertThat(HttpPipeline.htmlEscape("/<a href=\"x\">'&'</a>"))
                .isEqualTo("/&lt;a href=&#34;x&#34;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    }
}
