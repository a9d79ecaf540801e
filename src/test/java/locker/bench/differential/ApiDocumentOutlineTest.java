package locker.bench.differential;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiDocumentOutlineTest {
    private static String document(String summary, String answers) {
        return """
                {"swagger":"2.0","info":{"title":"%s"},"basePath":"/api/v1",
                 "securityDefinitions":{"BearerAuth":{"type":"apiKey"}},
                 "paths":{"/lockers/{id}/hold":{"post":{"summary":"%s","tags":["lockers"],
                   "parameters":[{"name":"Authorization","in":"header"},{"name":"id","in":"path","description":"%s"}],
                   "responses":{%s}}}}}
                """.formatted(summary, summary, summary, answers);
    }

    @Test
    void twoDocumentsOfTheSameApiInOtherWordsHaveOneOutline() {
        String deployed = ApiDocumentOutline.of(document("사물함 임시 점유", "\"201\":{},\"409\":{}"));
        String twin = ApiDocumentOutline.of(document("Hold a locker", "\"409\":{\"description\":\"Conflict\"},\"201\":{}"));

        assertThat(twin).isEqualTo(deployed).isEqualTo("""
                swagger 2.0, basePath /api/v1, security schemes [BearerAuth]
                POST /lockers/{id}/hold tags ["lockers"] parameters [Authorization in header, id in path] answers [201, 409]""");
    }

    @Test
    void anAnswerTheOtherDocumentDoesNotListShows() {
        assertThat(ApiDocumentOutline.of(document("x", "\"201\":{},\"409\":{},\"503\":{}")))
                .isNotEqualTo(ApiDocumentOutline.of(document("x", "\"201\":{},\"409\":{}")));
    }

    @Test
    void aBodyThatIsNoJsonObjectIsComparedAsItIs() {
        assertThat(ApiDocumentOutline.of("404 page not found\n")).isEqualTo("404 page not found\n");
        assertThat(ApiDocumentOutline.of("[1]")).isEqualTo("[1]");
    }
}
