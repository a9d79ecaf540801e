package locker.loadtest.results;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandLineTest {
    private enum Colour { DARK_RED, BLUE }

    @Test
    void anOptionsValueIsTheNextArgumentUnlessThatIsAnOption() {
        CommandLine line = new CommandLine("--out", "x.json", "--quick", "--only", "--quick", "-5");

        assertThat(line.next()).isEqualTo("--out");
        assertThat(line.valueOf("--out")).isEqualTo("x.json");
        assertThat(line.next()).isEqualTo("--quick");
        assertThat(line.next()).isEqualTo("--only");
        assertThat(line.value()).isEmpty();
        assertThat(line.next()).as("an option is not taken as a value").isEqualTo("--quick");
        assertThat(line.value()).contains("-5");
        assertThat(line.hasNext()).isFalse();
        assertThat(line.value()).isEmpty();
    }

    @Test
    void aMissingValueIsRefusedNamingTheOption() {
        CommandLine line = new CommandLine("--out", "--quick");
        line.next();

        assertThatThrownBy(() -> line.valueOf("--out")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--out needs a value");
        assertThatThrownBy(() -> new CommandLine().valueOf("--rounds")).hasMessage("--rounds needs a value");
    }

    @Test
    void helpIsAskedForAnywhere() {
        assertThat(CommandLine.asksForHelp("--quick", "-h")).isTrue();
        assertThat(CommandLine.asksForHelp("--help")).isTrue();
        assertThat(CommandLine.asksForHelp("--out", "help.json")).isFalse();
    }

    @Test
    void aListOfNamedChoicesGivesTheirConstantsOrIsRefusedWithEveryChoice() {
        assertThat(CommandLine.someOf(Colour.class, "--only", "blue, dark-red")).containsExactly(Colour.DARK_RED, Colour.BLUE);
        assertThat(CommandLine.optionNames(Colour.class)).isEqualTo("dark-red, blue");
        assertThatThrownBy(() -> CommandLine.someOf(Colour.class, "--only", "blue,DARK_RED"))
                .hasMessage("--only takes some of dark-red, blue; was 'DARK_RED'");
    }
}
