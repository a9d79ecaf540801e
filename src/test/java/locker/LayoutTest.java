package locker;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package layout of docs/layout.md, checked on the compiled classes: no cycle between products or between
 * packages, and no package imports one above it. Tests ({@code *Test}, {@code *IT}) sit above everything and may
 * use any package, so the layering is checked on the tool code and the test support only.
 */
class LayoutTest {
    private static final Pattern TEST_CLASS_FILE = Pattern.compile(".*(Test|IT)(\\$[^/]*)?\\.class$");
    private static final JavaClasses ALL = new ClassFileImporter().importPath(compiledTests());
    /** Imported apart, so that a test's use of a class is not counted among that class's users. */
    private static final JavaClasses TOOL_AND_SUPPORT = new ClassFileImporter()
            .withImportOption(location -> !location.matches(TEST_CLASS_FILE))
            .importPath(compiledTests());

    @Test
    void theProductsFormNoCycle() {
        slices().matching("locker.(*)..").namingSlices("$1").should().beFreeOfCycles().check(TOOL_AND_SUPPORT);
    }

    @Test
    void thePackagesFormNoCycle() {
        slices().matching("locker.(**)").namingSlices("$1").should().beFreeOfCycles().check(TOOL_AND_SUPPORT);
    }

    @Test
    void eachProductUsesOnlyTheProductsBelowIt() {
        layeredArchitecture().consideringOnlyDependenciesInAnyPackage("locker..")
                .layer("contract").definedBy("locker.contract..")
                .layer("config").definedBy("locker.config..")
                .layer("twin").definedBy("locker.twin..")
                .layer("testdata").definedBy("locker.testdata..")
                .layer("loadtest").definedBy("locker.loadtest..")
                .layer("bench").definedBy("locker.bench..")
                .layer("testsupport").definedBy("locker.testsupport..")
                .whereLayer("testsupport").mayNotBeAccessedByAnyLayer()
                .whereLayer("bench").mayNotBeAccessedByAnyLayer()
                .whereLayer("loadtest").mayOnlyBeAccessedByLayers("bench", "testsupport")
                .whereLayer("testdata").mayOnlyBeAccessedByLayers("loadtest", "bench", "testsupport")
                .whereLayer("twin").mayOnlyBeAccessedByLayers("loadtest", "bench", "testsupport")
                .whereLayer("config").mayOnlyBeAccessedByLayers("testdata", "loadtest", "bench", "testsupport")
                .check(TOOL_AND_SUPPORT);
    }

    @Test
    void theLoadTestsPackagesUseOnlyThoseBelowThem() {
        layeredArchitecture().consideringOnlyDependenciesInAnyPackage("locker.loadtest..")
                .layer("results").definedBy("locker.loadtest.results")
                .layer("scenario").definedBy("locker.loadtest.scenario")
                .layer("capacity").definedBy("locker.loadtest.capacity")
                .layer("generator").definedBy("locker.loadtest.generator")
                .layer("metrics").definedBy("locker.loadtest.metrics")
                .layer("anomalies").definedBy("locker.loadtest.anomalies")
                .layer("contractcheck").definedBy("locker.loadtest.contractcheck")
                .layer("report").definedBy("locker.loadtest.results.report")
                .layer("compare").definedBy("locker.loadtest.results.compare")
                .layer("export").definedBy("locker.loadtest.results.export")
                .layer("combine").definedBy("locker.loadtest.results.combine")
                .layer("simulation").definedBy("locker.loadtest.simulation")
                .optionalLayer("outside").definedBy("locker.bench..", "locker.testsupport..")
                .whereLayer("simulation").mayOnlyBeAccessedByLayers("outside")
                .whereLayer("export").mayOnlyBeAccessedByLayers("simulation", "outside")
                .whereLayer("compare").mayOnlyBeAccessedByLayers("outside")
                .whereLayer("combine").mayOnlyBeAccessedByLayers("outside")
                .whereLayer("report").mayOnlyBeAccessedByLayers("export", "combine", "outside")
                .whereLayer("scenario").mayOnlyBeAccessedByLayers("simulation", "outside")
                // capacity, generator, metrics and anomalies produce sections of the results model (RunResults), so
                // they sit below it and use nothing of the rest of the load test
                .whereLayer("contractcheck").mayOnlyBeAccessedByLayers("results", "report", "compare", "export",
                        "simulation", "outside")
                .whereLayer("anomalies").mayOnlyBeAccessedByLayers("results", "scenario", "report", "compare", "export",
                        "combine", "simulation", "outside")
                .whereLayer("metrics").mayOnlyBeAccessedByLayers("results", "report", "export", "simulation", "outside")
                .whereLayer("capacity").mayOnlyBeAccessedByLayers("results", "report", "export", "simulation", "outside")
                .whereLayer("generator").mayOnlyBeAccessedByLayers("results", "report", "export", "combine", "simulation",
                        "outside")
                .check(TOOL_AND_SUPPORT);
    }

    @Test
    void theLoadTestsOwnPackageUsesNothingOfTheProject() {
        onlyItselfAndTheLayersBelow("locker.loadtest").check(TOOL_AND_SUPPORT);
    }

    @Test
    void theContractUsesNothingOfTheProject() {
        onlyItselfAndTheLayersBelow("locker.contract..").check(TOOL_AND_SUPPORT);
    }

    @Test
    void theSettingsUseOnlyTheContract() {
        onlyItselfAndTheLayersBelow("locker.config..", "locker.contract..").check(TOOL_AND_SUPPORT);
    }

    @Test
    void toolCodeUsesNeitherTestSupportNorTests() {
        noClasses().that(DescribedPredicate.not(isTest())).and().resideOutsideOfPackage("locker.testsupport..")
                .should().dependOnClassesThat(isTest().or(resideIn("locker.testsupport")))
                .check(ALL);
    }

    private static ArchRule onlyItselfAndTheLayersBelow(String packages, String... below) {
        String[] allowed = new String[below.length + 1];
        allowed[0] = packages;
        System.arraycopy(below, 0, allowed, 1, below.length);
        return noClasses().that().resideInAPackage(packages).should().dependOnClassesThat(
                resideIn("locker").and(DescribedPredicate.not(JavaClass.Predicates.resideInAnyPackage(allowed))));
    }

    /** The folder the project's classes are compiled to (all of them: the code lives in src/test/java). */
    private static Path compiledTests() {
        try {
            return Path.of(LayoutTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A test class ({@code *Test}, {@code *IT}) or one nested in it. */
    private static DescribedPredicate<JavaClass> isTest() {
        return DescribedPredicate.describe("a test (*Test, *IT)", javaClass -> {
            String outermost = javaClass.getName().replaceAll("\\$.*", "");
            return outermost.endsWith("Test") || outermost.endsWith("IT");
        });
    }

    /** In one of {@code packages} or below it. */
    private static DescribedPredicate<JavaClass> resideIn(String... packages) {
        String[] withSubpackages = new String[packages.length];
        for (int i = 0; i < packages.length; i++) {
            withSubpackages[i] = packages[i] + "..";
        }
        return JavaClass.Predicates.resideInAnyPackage(withSubpackages);
    }
}
