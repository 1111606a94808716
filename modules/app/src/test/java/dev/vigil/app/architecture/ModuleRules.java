package dev.vigil.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.vigil.platform.input.SafeText;
import dev.vigil.platform.input.StorableInstant;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Vigil's module boundaries as executable rules. A module is any package {@code dev.vigil.<name>};
 * the rules derive module names from packages, so a new module is covered without editing them.
 * That modules form no cycle is Spring Modulith's check ({@link ModuleDocumentationTests}).
 */
final class ModuleRules {

    static final String ROOT = "dev.vigil";
    static final String PLATFORM = "platform";
    static final String SEEDER = "seeder";
    static final String INPUT_POLICIES = ROOT + "." + PLATFORM + ".input";
    private static final Set<JavaModifier> CONSTANT = Set.of(JavaModifier.STATIC, JavaModifier.FINAL);
    private static final Pattern MODULE = Pattern.compile("^dev\\.vigil\\.([a-z0-9_]+)(\\..+)?$");

    private ModuleRules() {
    }

    /** A module reaches into another business module only through that module's {@code api} package. */
    static final ArchRule MODULES_USE_ONLY_EACH_OTHERS_API = classes()
            .that().resideInAPackage(ROOT + "..")
            .and().resideOutsideOfPackage(ROOT + "." + PLATFORM + "..")
            .should(useOtherModulesOnlyThroughTheirApi())
            .as("modules use other business modules only through their api packages");

    /**
     * The seeder writes every module's events and read rows, yet knows the modules only by their api packages.
     * The general rule covers it too; this one names it, so that it fails when the seeder's classes are not
     * analyzed at all (the app only has them as a test dependency).
     */
    static final ArchRule SEEDER_USES_ONLY_OTHER_MODULES_API = classes()
            .that().resideInAPackage(ROOT + "." + SEEDER + "..")
            .should(useOtherModulesOnlyThroughTheirApi())
            .allowEmptyShould(false)
            .as("the seeder uses other modules only through their api packages");

    /** The platform knows no business module. */
    static final ArchRule PLATFORM_DEPENDS_ON_NO_MODULE = classes()
            .that().resideInAPackage(ROOT + "." + PLATFORM + "..")
            .should().onlyDependOnClassesThat(
                    DescribedPredicate.not(JavaClass.Predicates.resideInAPackage(ROOT + ".."))
                            .or(JavaClass.Predicates.resideInAPackage(ROOT + "." + PLATFORM + "..")))
            .as("the platform depends on no business module");

    /** Web adapters never speak SQL; they go through a module's query service or command gateway. */
    static final ArchRule CONTROLLERS_DO_NOT_TALK_SQL = noClasses()
            .that().resideInAPackage(ROOT + "..web..")
            .or().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
            .or().areAnnotatedWith(org.springframework.stereotype.Controller.class)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "java.sql..", "javax.sql..", "org.springframework.jdbc..", "com.zaxxer.hikari..")
            .as("controllers do not talk to SQL directly");

    /**
     * Domain code is plain Java plus Axon's modelling annotations: no Spring, no JDBC, no Redis. The platform's
     * input policies are the one part of the platform it uses: plain rules, not infrastructure
     * ({@link #INPUT_POLICIES_ARE_PLAIN_JAVA}).
     */
    static final ArchRule DOMAIN_IS_FREE_OF_INFRASTRUCTURE = noClasses()
            .that().resideInAPackage(ROOT + "..domain..")
            .should().dependOnClassesThat(JavaClass.Predicates.resideInAnyPackage(
                    "org.springframework..", "java.sql..", "javax.sql..", "redis.clients..", "com.zaxxer.hikari..",
                    "jakarta.servlet..", ROOT + "." + PLATFORM + "..")
                    .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage(INPUT_POLICIES))))
            .as("domain packages use no Spring, JDBC, Redis or platform infrastructure (the input policies aside)");

    /** The input policies, which domain code calls, stay plain Java and Jakarta Validation. */
    static final ArchRule INPUT_POLICIES_ARE_PLAIN_JAVA = classes()
            .that().resideInAPackage(INPUT_POLICIES)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "jakarta.validation..", INPUT_POLICIES)
            .allowEmptyShould(false)
            .as("the platform's input policies depend only on the JDK and Jakarta Validation");

    /**
     * A module's api holds plain records and enums that other modules can depend on safely, and pure functions
     * others must apply exactly as the module does (a final class of static members, such as alert titles).
     */
    static final ArchRule API_HOLDS_RECORDS_ENUMS_AND_FUNCTIONS = classes()
            .that().resideInAPackage(ROOT + ".*.api..")
            .and().doNotHaveSimpleName("package-info")
            .should(beARecordEnumOrStaticFunctions())
            .andShould().onlyDependOnClassesThat(
                    JavaClass.Predicates.resideInAnyPackage("java..", ROOT + ".*.api..")
                            .or(JavaClass.Predicates.simpleName("TargetAggregateIdentifier")))
            .as("api packages hold records, enums and static functions that depend only on the JDK and other api "
                    + "packages");

    /**
     * Every text and instant a request body carries keeps the platform's input policies, so a new endpoint cannot
     * let through a value the read models cannot store (docs/api-conventions.md). A request body is a record named
     * {@code *Request} in a {@code web} package.
     */
    static final ArchRule REQUEST_FIELDS_KEEP_THE_INPUT_POLICIES = classes()
            .that().resideInAPackage(ROOT + "..web..")
            .and().haveSimpleNameEndingWith("Request")
            .and(DescribedPredicate.describe("are records", JavaClass::isRecord))
            .should(keepTheInputPolicies())
            .allowEmptyShould(false)
            .as("request records mark every String @SafeText and every Instant @StorableInstant");

    static Optional<String> moduleOf(JavaClass javaClass) {
        Matcher matcher = MODULE.matcher(javaClass.getPackageName());
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static boolean isApiOf(JavaClass javaClass, String module) {
        String api = ROOT + "." + module + ".api";
        return javaClass.getPackageName().equals(api) || javaClass.getPackageName().startsWith(api + ".");
    }

    private static ArchCondition<JavaClass> useOtherModulesOnlyThroughTheirApi() {
        return new ArchCondition<>("use other business modules only through their api") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                String own = moduleOf(item).orElseThrow();
                for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    moduleOf(target)
                            .filter(module -> !module.equals(own) && !module.equals(PLATFORM))
                            .filter(module -> !isApiOf(target, module))
                            .ifPresent(module -> events.add(SimpleConditionEvent.violated(dependency,
                                    dependency.getDescription() + " reaches into module '" + module
                                            + "' outside its api package")));
                }
            }
        };
    }

    private static ArchCondition<JavaClass> keepTheInputPolicies() {
        return new ArchCondition<>("mark every String @SafeText and every Instant @StorableInstant") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                for (JavaField field : item.getFields()) {
                    if (field.getModifiers().contains(JavaModifier.STATIC)) {
                        continue;
                    }
                    if (field.getRawType().isEquivalentTo(String.class) && !field.isAnnotatedWith(SafeText.class)) {
                        events.add(SimpleConditionEvent.violated(field, field.getFullName() + " is not @SafeText"));
                    }
                    if (field.getRawType().isEquivalentTo(Instant.class)
                            && !field.isAnnotatedWith(StorableInstant.class)) {
                        events.add(SimpleConditionEvent.violated(field,
                                field.getFullName() + " is not @StorableInstant"));
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaClass> beARecordEnumOrStaticFunctions() {
        return new ArchCondition<>("be a record, an enum or a final class of static functions") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                if (!isPlain(item)) {
                    events.add(SimpleConditionEvent.violated(item, item.getName()
                            + " is neither a record, an enum nor a final class of static functions"));
                }
            }
        };
    }

    /** Anonymous classes count as their enclosing type: enum constant bodies, the compiler's switch maps. */
    private static boolean isPlain(JavaClass type) {
        if (type.isAnonymousClass() && type.getEnclosingClass().isPresent()) {
            return isPlain(type.getEnclosingClass().get());
        }
        return type.isRecord() || type.isEnum() || isStaticFunctions(type);
    }

    /** Final, never instantiated, no state but constants: nothing a caller could hold or change. */
    private static boolean isStaticFunctions(JavaClass type) {
        return type.getModifiers().contains(JavaModifier.FINAL)
                && type.getConstructors().stream()
                        .allMatch(member -> member.getModifiers().contains(JavaModifier.PRIVATE))
                && type.getFields().stream().allMatch(member -> member.getModifiers().containsAll(CONSTANT))
                && type.getMethods().stream().allMatch(member -> member.getModifiers().contains(JavaModifier.STATIC));
    }
}
