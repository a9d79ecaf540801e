package locker.loadtest.results.report;

import locker.loadtest.anomalies.Anomaly;
import locker.loadtest.anomalies.AnomalyKind;
import locker.loadtest.anomalies.AnomalyReport;
import locker.loadtest.anomalies.InvariantResult;
import locker.loadtest.contractcheck.ContractRow;
import locker.loadtest.results.RunResults;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.io.StringWriter;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

/**
 * The run's verdicts as a JUnit XML report ({@value #FILE_NAME} in the run folder), the format CI systems
 * read for test results: a suite of the Gatling assertions and a suite of the database invariants, one
 * test case each, a missed one as a {@code <failure>} whose message holds the actual value.
 */
public final class JunitReport {
    public static final String FILE_NAME = "load-test-junit.xml";

    private static final DateTimeFormatter REPORT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT);

    private JunitReport() {}

    public static String render(RunResults results) {
        RunResults.RunConfig config = results.config();
        String simulation = config.simulationClass() == null ? "load test" : config.simulationClass();
        String timestamp = isoTimestamp(config.startTime());
        double duration = config.testDuration();
        try {
            Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            Element suites = xml.createElement("testsuites");
            suites.setAttribute("name", simulation);
            xml.appendChild(suites);

            Element assertionSuite = suite(xml, suites, simulation + " assertions", timestamp, duration);
            for (RunResults.AssertionResult assertion : results.assertions()) {
                String description = assertion.description();
                Double actual = assertion.actual();
                testCase(xml, assertionSuite, simulation + ".assertions", description,
                        assertion.passed() ? null
                                : "missed: " + description + "; actual value " + (actual == null ? "unresolved" : actual),
                        "actual value: " + actual);
            }

            Element invariantSuite = suite(xml, suites, simulation + " invariants", timestamp, 0);
            for (InvariantResult invariant : results.invariants()) {
                testCase(xml, invariantSuite, simulation + ".invariants", invariant.name() + ": " + invariant.description(),
                        invariant.passed() ? null : "violated: " + invariant.description() + "; " + invariant.detail(),
                        invariant.detail());
            }
            if (results.contract() != null && results.contract().skipped() == null) {
                Element contractSuite = suite(xml, suites, simulation + " contract check", timestamp,
                        results.contract().seconds());
                for (ContractRow row : results.contract().rows()) {
                    testCase(xml, contractSuite, simulation + ".contract", row.behaviour(), row.passed() ? null
                            : "expected '" + row.expected() + "', got '" + row.got() + "' (" + row.request() + ")", row.got());
                }
            }
            AnomalyReport anomalies = results.anomalies();
            if (anomalies != null) {
                Element anomalySuite = suite(xml, suites, simulation + " anomalies", timestamp, 0);
                for (AnomalyKind kind : AnomalyKind.values()) {
                    long count = anomalies.count(kind);
                    testCase(xml, anomalySuite, simulation + ".anomalies", kind.key() + ": " + kind.label(),
                            count == 0 ? null : count + " found; first: "
                                    + anomalies.first(kind).map(Anomaly::oneLine).orElse("not given in full"),
                            "none");
                }
            }
            if (!config.dbConnected()) {
                Element skipped = testCase(xml, invariantSuite, simulation + ".invariants", "database invariants", null, null);
                Element reason = xml.createElement("skipped");
                reason.setAttribute("message", "not checked: no database connection");
                skipped.appendChild(reason);
                invariantSuite.setAttribute("skipped", "1");
            }
            return serialize(xml);
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException("the JDK's XML support failed: " + e, e);
        }
    }

    private static Element suite(Document xml, Element suites, String name, String timestamp, double seconds) {
        Element suite = xml.createElement("testsuite");
        suite.setAttribute("name", name);
        for (String count : new String[] {"tests", "failures", "errors", "skipped"}) {
            suite.setAttribute(count, "0");
        }
        suite.setAttribute("time", Double.toString(seconds));
        if (timestamp != null) {
            suite.setAttribute("timestamp", timestamp);
        }
        suites.appendChild(suite);
        return suite;
    }

    private static Element testCase(Document xml, Element suite, String className, String name, String failure,
                                    String output) {
        Element testCase = xml.createElement("testcase");
        testCase.setAttribute("classname", className);
        testCase.setAttribute("name", name);
        testCase.setAttribute("time", "0");
        suite.appendChild(testCase);
        increment(suite, "tests");
        if (failure != null) {
            Element element = xml.createElement("failure");
            element.setAttribute("message", failure);
            element.setAttribute("type", "AssertionError");
            element.setTextContent(failure);
            testCase.appendChild(element);
            increment(suite, "failures");
        } else if (output != null) {
            Element systemOut = xml.createElement("system-out");
            systemOut.setTextContent(output);
            testCase.appendChild(systemOut);
        }
        return testCase;
    }

    /** The report's start ({@code 2026-11-30 16:02:21 GMT}) as JUnit's ISO 8601 timestamp, or null. */
    public static String isoTimestamp(String reportTime) {
        try {
            return ZonedDateTime.parse(String.valueOf(reportTime), REPORT_TIME).withZoneSameInstant(ZoneOffset.UTC)
                    .toLocalDateTime().toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static void increment(Element suite, String attribute) {
        suite.setAttribute(attribute, Integer.toString(Integer.parseInt(suite.getAttribute(attribute)) + 1));
    }

    private static String serialize(Document xml) throws TransformerException {
        var transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.INDENT, "yes");
        transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
        StringWriter out = new StringWriter();
        transformer.transform(new DOMSource(xml), new StreamResult(out));
        return out.toString();
    }
}
