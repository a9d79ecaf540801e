package locker.twin.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import locker.contract.ApiRoute;
import locker.testsupport.StackExtension;
import locker.testsupport.twin.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /swagger/*} as fiber-swagger answers it (deployed service §5.2): the redirect, its page, the API document,
 * the embedded swagger-ui files with their validators, and the answers to anything else.
 */
class SwaggerUiIT {
    @RegisterExtension
    static final StackExtension STACK = new StackExtension();

    private final RawHttp http = new RawHttp(STACK.stack().baseUrl());

    @Test
    void theFolderRedirectsToThePageWhichLoadsTheEmbeddedUiAndTheDocumentAndCorsApplies() {
        RawHttp.Answer redirect = http.send("GET", "/swagger/", "Origin: https://kucisc.kr");
        assertThat(redirect.status()).isEqualTo(301);
        assertThat(redirect.header("Location")).contains("/swagger/index.html");
        assertThat(redirect.header("Content-Length")).contains("0");
        assertThat(redirect.headerNames()).doesNotContain("content-type");
        assertThat(redirect.header("Vary")).contains("Origin");
        assertThat(redirect.header("Access-Control-Allow-Origin")).contains("https://kucisc.kr");
        assertThat(http.send("GET", "/Swagger//x/").header("Location")).contains("/swagger/index.html");

        RawHttp.Answer page = http.send("GET", "/swagger/index.html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(page.text()).contains("<script src=\"./swagger-ui-bundle.js\">", "url: \"doc.json\"",
                "dom_id: \"#swagger-ui\"");

        RawHttp.Answer post = http.send("POST", "/swagger/index.html");
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.header("Allow")).contains("GET, HEAD");
    }

    @Test
    void theDocumentDescribesEveryRouteOfTheApiAndTheListedUnmountedOne() throws IOException {
        RawHttp.Answer document = http.send("GET", "/swagger/doc.json");

        assertThat(document.status()).isEqualTo(200);
        assertThat(document.header("Content-Type")).contains("application/json; charset=utf-8");
        JsonNode json = new ObjectMapper().readTree(document.body());
        assertThat(json.path("swagger").asText()).isEqualTo("2.0");
        assertThat(json.path("basePath").asText()).isEqualTo("/api/v1");
        List<String> operations = new ArrayList<>();
        json.path("paths").properties().forEach(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        List<String> expected = new ArrayList<>(Arrays.stream(ApiRoute.values())
                .map(route -> route.method() + " " + route.path()).toList());
        expected.add("GET /users/GetAllUsers");
        assertThat(operations).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void anEmbeddedFileIsServedWholeWithItsValidatorsAndAnsweredNotModifiedWhenTheyMatch() {
        byte[] css = SwaggerUi.resource(SwaggerUi.WEBJAR + "swagger-ui.css");

        RawHttp.Answer file = http.send("GET", "/swagger/swagger-ui.css");
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.header("Content-Type")).contains("text/css; charset=utf-8");
        assertThat(file.header("Content-Length")).contains(Integer.toString(css.length));
        assertThat(file.body()).isEqualTo(css);
        assertThat(file.header("Accept-Ranges")).contains("bytes");
        String etag = file.header("Etag").orElseThrow();
        String lastModified = file.header("Last-Modified").orElseThrow();
        assertThat(etag).matches("\"[0-9a-f]+" + Integer.toHexString(css.length) + "\"");

        for (String validator : List.of("If-None-Match: " + etag, "If-Modified-Since: " + lastModified)) {
            RawHttp.Answer again = http.send("GET", "/swagger/swagger-ui.css", validator);
            assertThat(again.status()).as(validator).isEqualTo(304);
            assertThat(again.body()).as(validator).isEmpty();
            assertThat(again.header("Etag")).as(validator).contains(etag);
        }
        assertThat(http.send("GET", "/swagger/swagger-ui.css", "If-None-Match: \"other\"").status()).isEqualTo(200);

        assertThat(http.send("GET", "/swagger/swagger-ui-bundle.js").header("Content-Type")).contains("text/javascript");
        assertThat(http.send("GET", "/swagger/swagger-ui.js.map").header("Content-Type"))
                .contains("text/plain; charset=utf-8");
        assertThat(http.send("GET", "/swagger/./%66avicon-16x16.png").header("Content-Type")).contains("image/png");
    }

    @Test
    void aNameThatIsNotEmbeddedIsNotFoundWithTheTypeOfItsExtension() {
        RawHttp.Answer inTheWebjarOnly = http.send("GET", "/swagger/index.js");
        assertThat(inTheWebjarOnly.status()).isEqualTo(404);
        assertThat(inTheWebjarOnly.text()).isEqualTo("Not Found");
        assertThat(inTheWebjarOnly.header("Content-Type")).contains("text/javascript");

        RawHttp.Answer unknown = http.send("GET", "/swagger/nope");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text()).isEqualTo("Not Found");
        assertThat(unknown.header("Content-Type")).contains("text/plain; charset=utf-8");

        assertThat(http.send("GET", "/swagger/sub/swagger-ui.css").status()).isEqualTo(404);
    }
}
