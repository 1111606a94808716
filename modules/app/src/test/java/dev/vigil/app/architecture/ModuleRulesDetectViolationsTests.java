package dev.vigil.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * Each rule, run against small fixture modules under {@code dev.vigil.archfixture*} (and fixtures inside the
 * platform's and the seeder's packages) that break it on purpose, reports the break: the rules are not vacuous.
 */
class ModuleRulesDetectViolationsTests {

    private static final JavaClasses FIXTURES = new ClassFileImporter().importPackages(
            "dev.vigil.archfixturealpha", "dev.vigil.archfixturebeta", "dev.vigil.platform.archfixture",
            "dev.vigil.seeder.archfixture");

    @Test
    void reachingIntoAnotherModulesInternalsIsReported() {
        assertViolation(ModuleRules.MODULES_USE_ONLY_EACH_OTHERS_API, "Beta", "archfixturealpha");
    }

    @Test
    void usingAnotherModulesApiIsAllowed() {
        EvaluationResult result = ModuleRules.MODULES_USE_ONLY_EACH_OTHERS_API.evaluate(FIXTURES);
        assertThat(result.getFailureReport().getDetails()).noneMatch(line -> line.contains("AlphaEvent"));
    }

    @Test
    void seederReachingIntoAnotherModulesDomainIsReported() {
        assertViolation(ModuleRules.SEEDER_USES_ONLY_OTHER_MODULES_API, "DomainSeeder", "archfixturealpha.domain");
    }

    @Test
    void seederRuleFailsWhenNoSeederClassIsAnalyzed() {
        JavaClasses withoutSeeder = new ClassFileImporter().importPackages("dev.vigil.archfixturealpha");
        assertThatThrownBy(() -> ModuleRules.SEEDER_USES_ONLY_OTHER_MODULES_API.evaluate(withoutSeeder))
                .isInstanceOf(AssertionError.class).hasMessageContaining("failed to check any classes");
    }

    @Test
    void platformDependingOnAModuleIsReported() {
        assertViolation(ModuleRules.PLATFORM_DEPENDS_ON_NO_MODULE, "PlatformLeak", "AlphaEvent");
    }

    @Test
    void controllerUsingJdbcIsReported() {
        assertViolation(ModuleRules.CONTROLLERS_DO_NOT_TALK_SQL, "SqlController", "JdbcTemplate");
    }

    @Test
    void springInDomainIsReported() {
        assertViolation(ModuleRules.DOMAIN_IS_FREE_OF_INFRASTRUCTURE, "SpringyAggregate", "org.springframework");
    }

    @Test
    void domainUsingTheInputPoliciesIsAllowed() {
        EvaluationResult result = ModuleRules.DOMAIN_IS_FREE_OF_INFRASTRUCTURE.evaluate(FIXTURES);
        assertThat(result.getFailureReport().getDetails()).noneMatch(line -> line.contains("PolicyCheckedAggregate"));
    }

    @Test
    void aRequestFieldOutsideTheInputPoliciesIsReported() {
        assertViolation(ModuleRules.REQUEST_FIELDS_KEEP_THE_INPUT_POLICIES, "LooseRequest.name is not @SafeText",
                "LooseRequest.at is not @StorableInstant");
        EvaluationResult result = ModuleRules.REQUEST_FIELDS_KEEP_THE_INPUT_POLICIES.evaluate(FIXTURES);
        assertThat(result.getFailureReport().getDetails()).noneMatch(line -> line.contains("KeptRequest"));
    }

    @Test
    void classInApiIsReported() {
        assertViolation(ModuleRules.API_HOLDS_RECORDS_ENUMS_AND_FUNCTIONS, "MutableApiType", "AlphaService",
                "neither a record, an enum nor a final class of static functions");
    }

    @Test
    void staticFunctionsInApiAreAllowed() {
        EvaluationResult result = ModuleRules.API_HOLDS_RECORDS_ENUMS_AND_FUNCTIONS.evaluate(FIXTURES);
        assertThat(result.getFailureReport().getDetails()).noneMatch(line -> line.contains("AlphaTitles"));
    }

    private static void assertViolation(ArchRule rule, String... fragments) {
        EvaluationResult result = rule.evaluate(FIXTURES);
        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        assertThat(String.join("\n", result.getFailureReport().getDetails())).contains(fragments);
    }
}
