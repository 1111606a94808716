package dev.vigil.app.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module rules, applied to every production class of every module on the app's classpath.
 */
@AnalyzeClasses(packages = ModuleRules.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTests {

    @ArchTest
    static final ArchRule modulesUseOnlyEachOthersApi = ModuleRules.MODULES_USE_ONLY_EACH_OTHERS_API;

    @ArchTest
    static final ArchRule platformDependsOnNoModule = ModuleRules.PLATFORM_DEPENDS_ON_NO_MODULE;

    @ArchTest
    static final ArchRule controllersDoNotTalkSql = ModuleRules.CONTROLLERS_DO_NOT_TALK_SQL;

    @ArchTest
    static final ArchRule noCyclesBetweenModules = ModuleRules.NO_CYCLES_BETWEEN_MODULES;

    @ArchTest
    static final ArchRule domainIsFreeOfInfrastructure = ModuleRules.DOMAIN_IS_FREE_OF_INFRASTRUCTURE;

    @ArchTest
    static final ArchRule apiHoldsPlainRecordsAndEnums = ModuleRules.API_HOLDS_PLAIN_RECORDS_AND_ENUMS;
}
