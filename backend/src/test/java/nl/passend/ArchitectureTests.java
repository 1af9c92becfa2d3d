package nl.passend;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.data.repository.Repository;
import org.springframework.web.bind.annotation.RestController;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The allowed dependencies between the modules and between the backend's feature packages. */
class ArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.passend");

    /** Each feature package and the features it may use; every other feature is out of bounds. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("shared", Set.of()),
            Map.entry("security", Set.of("shared")),
            Map.entry("audit", Set.of("shared", "security")),
            Map.entry("reference", Set.of("shared")),
            Map.entry("organisation", Set.of("shared", "audit", "reference")),
            Map.entry("user", Set.of("shared", "security", "audit", "organisation")),
            Map.entry("provider", Set.of("shared", "audit", "reference", "organisation")),
            Map.entry("location", Set.of("shared", "security", "audit", "reference", "provider")),
            Map.entry("offer", Set.of("shared", "security", "audit", "reference", "provider", "location")),
            Map.entry("contract", Set.of("shared", "security", "audit", "reference", "organisation", "provider")),
            Map.entry("referral", Set.of("shared", "security", "audit", "reference")),
            Map.entry("placement", Set.of("shared", "security", "audit", "reference", "provider", "location", "offer", "contract", "referral")),
            Map.entry("matching", Set.of("shared", "security", "audit", "reference", "provider", "location", "offer",
                    "contract", "referral", "placement")),
            Map.entry("report", Set.of("shared", "security", "audit", "reference")),
            // What-if planning sits on top: it uses matching's facts and engine and the reports' protection of
            // small counts; nothing uses it.
            Map.entry("scenario", Set.of("shared", "security", "audit", "reference", "matching", "report")),
            // The web application's frame (sign-in, start page, language); each feature's pages live in the feature.
            Map.entry("web", Set.of("shared", "security")));

    static Stream<String> features() {
        return ALLOWED.keySet().stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("features")
    void aFeatureUsesOnlyTheFeaturesItIsAllowedTo(String feature) {
        String[] forbidden = ALLOWED.keySet().stream()
                .filter(other -> !other.equals(feature) && !ALLOWED.get(feature).contains(other))
                .map(other -> "nl.passend." + other + "..")
                .toArray(String[]::new);
        if (forbidden.length > 0) {
            noClasses().that().resideInAPackage("nl.passend." + feature + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                    .check(CLASSES);
        }
    }

    @Test
    void everyPackageIsAFeatureKnownToThisTest() {
        String[] known = Stream.concat(ALLOWED.keySet().stream(), Stream.of("api", "solver"))
                .map(feature -> "nl.passend." + feature + "..")
                .toArray(String[]::new);
        classes().that().resideOutsideOfPackage("nl.passend")
                .should().resideInAnyPackage(known)
                .because("a new feature package needs its allowed dependencies stated in this test")
                .check(CLASSES);
    }

    @Test
    void featuresDependOnEachOtherWithoutCycles() {
        slices().matching("nl.passend.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void noFeatureDependsOnScenarios() {
        noClasses().that().resideOutsideOfPackage("nl.passend.scenario..")
                .should().dependOnClassesThat().resideInAPackage("nl.passend.scenario..")
                .because("scenarios may use matching and the reports, not the reverse")
                .check(CLASSES);
    }

    @Test
    void placementRulesHaveOneHomeInTheSolversEligibility() {
        noClasses().that().resideOutsideOfPackage("nl.passend.solver..")
                .should().haveSimpleNameContaining("Eligibility")
                .because("the rules of a possible place live in nl.passend.solver.Eligibility only, so that matching "
                        + "never proposes what the placement service refuses")
                .check(CLASSES);
        classes().that().haveFullyQualifiedName("nl.passend.placement.PlacementService")
                .should().dependOnClassesThat().haveFullyQualifiedName("nl.passend.solver.Eligibility")
                .check(CLASSES);
    }

    @Test
    void controllersDoNotTouchRepositories() {
        noClasses().that().areAnnotatedWith(RestController.class)
                .should().dependOnClassesThat(SPRING_DATA_REPOSITORIES)
                .check(CLASSES);
    }

    /**
     * Told by the loaded class, not by ArchUnit's import: the import resolves no class outside nl.passend (see
     * archunit.properties), so it does not know that a repository of ours extends Spring Data's.
     */
    private static final DescribedPredicate<JavaClass> SPRING_DATA_REPOSITORIES = DescribedPredicate.describe(
            "Spring Data repositories", type -> {
                try {
                    return Repository.class.isAssignableFrom(type.reflect());
                } catch (RuntimeException | LinkageError e) {
                    return false;
                }
            });

    @Test
    void theSolverKnowsNothingOfSpringOrPersistence() {
        noClasses().that().resideInAPackage("nl.passend.solver..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                        "org.hibernate..", "nl.passend.api..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void theGeneratedContractDependsOnNoFeature() {
        noClasses().that().resideInAPackage("nl.passend.api..")
                .should().dependOnClassesThat().resideInAnyPackage(ALLOWED.keySet().stream()
                        .map(f -> "nl.passend." + f + "..").toArray(String[]::new))
                .check(CLASSES);
    }
}
