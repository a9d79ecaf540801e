package locker.twin.server;

import java.util.Map;

/**
 * The text of the server's error answers, as the deployed service words them unless a test rewords one: a test-only
 * switch that makes the twin answer as a deployed server would after its team reworded a message, so that the load
 * test's contract check can be seen to catch it.
 */
final class AnswerWording {
    private volatile Map<String, String> rewordings = Map.of();

    String of(String text) {
        return rewordings.getOrDefault(text, text);
    }

    void reword(Map<String, String> textToNewText) {
        rewordings = Map.copyOf(textToNewText);
    }
}
