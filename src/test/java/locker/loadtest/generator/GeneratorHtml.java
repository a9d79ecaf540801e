package locker.loadtest.generator;

import org.jsoup.nodes.Element;

import java.util.Locale;

/** The generator section as an HTML fragment for the report. */
public final class GeneratorHtml {
    private GeneratorHtml() {}

    /** A {@code <section class="generator">}: the verdict and a table of the figures. */
    public static Element render(GeneratorReport report) {
        Element section = new Element("section").addClass("generator").addClass(report.saturated() ? "saturated" : "ok");
        section.appendElement("h3").text("Load generator");
        section.appendElement("p").addClass("generator-verdict").text(report.warning().orElse(
                "The load generator was not saturated (" + report.saturatedSamples() + " of " + report.samples()
                        + " seconds): the latency figures are the server's."));
        Element table = section.appendElement("table").addClass("generator-figures");
        row(table, "Cores this process may use", report.allowedCores() + " (" + report.allowedCoreCount() + ")");
        row(table, "Generator threads' CPU, mean / max (cores)",
                String.format(Locale.ROOT, "%.2f / %.2f", report.generatorCoresMean(), report.generatorCoresMax()));
        row(table, "Allowed cores busy, mean", String.format(Locale.ROOT, "%.1f %%", report.allowedBusyPercent()));
        row(table, "Machine busy, mean", String.format(Locale.ROOT, "%.1f %%", report.machineBusyPercent()));
        row(table, "Timer lag, mean / max (ms)",
                String.format(Locale.ROOT, "%.1f / %.1f", report.timerLagMeanMillis(), report.timerLagMaxMillis()));
        report.coresByGroup().forEach((group, cores) ->
                row(table, "This JVM's " + group + " threads (cores)", String.format(Locale.ROOT, "%.3f", cores)));
        row(table, "Saturated seconds", report.saturatedSamples() + " of " + report.samples()
                + (report.firstSaturatedAt() == null ? "" : ", first at " + report.firstSaturatedAt()));
        row(table, "GENERATOR_SATURATION", report.policy());
        if (report.sizing() != null) {
            row(table, "What the run needed", report.sizing().describe());
        }
        section.appendElement("p").addClass("generator-definition").text("Saturated: " + report.definition() + ".");
        return section;
    }

    private static void row(Element table, String name, String value) {
        Element row = table.appendElement("tr");
        row.appendElement("th").text(name);
        row.appendElement("td").text(value);
    }
}
