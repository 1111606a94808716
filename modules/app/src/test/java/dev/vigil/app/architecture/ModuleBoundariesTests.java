package dev.vigil.app.architecture;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module rules, applied to every production class of every module on the app's test class path: the
 * deployable's modules and the seeder's classes (a test dependency). Test support code is left out.
 */
@AnalyzeClasses(packages = ModuleRules.ROOT, importOptions = ProductionClasses.class)
class ModuleBoundariesTests {

    @ArchTest
    static final ArchRule modulesUseOnlyEachOthersApi = ModuleRules.MODULES_USE_ONLY_EACH_OTHERS_API;

    @ArchTest
    static final ArchRule seederUsesOnlyOtherModulesApi = ModuleRules.SEEDER_USES_ONLY_OTHER_MODULES_API;

    @ArchTest
    static final ArchRule platformDependsOnNoModule = ModuleRules.PLATFORM_DEPENDS_ON_NO_MODULE;

    @ArchTest
    static final ArchRule controllersDoNotTalkSql = ModuleRules.CONTROLLERS_DO_NOT_TALK_SQL;

    @ArchTest
    static final ArchRule domainIsFreeOfInfrastructure = ModuleRules.DOMAIN_IS_FREE_OF_INFRASTRUCTURE;

    @ArchTest
    static final ArchRule inputPoliciesArePlainJava = ModuleRules.INPUT_POLICIES_ARE_PLAIN_JAVA;

    @ArchTest
    static final ArchRule requestFieldsKeepTheInputPolicies = ModuleRules.REQUEST_FIELDS_KEEP_THE_INPUT_POLICIES;

    @ArchTest
    static final ArchRule apiHoldsRecordsEnumsAndFunctions = ModuleRules.API_HOLDS_RECORDS_ENUMS_AND_FUNCTIONS;
}
