package dev.vigil.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.vigil.platform.testing.ExpectedLogs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

/**
 * Spring Modulith's model of Vigil's modules: {@code verify()} finds no violation, and the module diagrams in
 * docs/modules are the ones its Documenter draws from the code today. After changing which modules depend on
 * which, refresh them with {@code -Dvigil.modules.write=true} and commit them (docs/modules/README.md).
 * The hand-written {@link ModuleRules} stay: they are stricter and check what Modulith does not (docs/adr/0003).
 */
class ModuleDocumentationTests {

    private static final Path CHECKED_IN = Path.of("../../docs/modules");
    private static final Path GENERATED = Path.of("target/modulith-docs");
    private static final String STALE = "docs/modules is stale: rerun with -Dvigil.modules.write=true";
    /** A line that declares an element or a relation of the diagram. */
    private static final Pattern DECLARATION = Pattern.compile("^\\s*(Component|Rel)\\(");
    private static final Pattern FIXTURE =
            Pattern.compile(".*/test-classes/dev/vigil/(archfixture[a-z]+|platform/archfixture|seeder/archfixture)/.*");

    /**
     * Spring's deprecation warning for Axon 4's annotations, which Modulith reads outside a Spring context (where
     * the platform's Axon defaults silence it); whichever test of this JVM reads them first gets it.
     */
    @RegisterExtension
    static final ExpectedLogs AXON_ANNOTATIONS = ExpectedLogs.from("org.springframework.core.annotation.AnnotationTypeMapping")
            .allow(Level.WARN, "convention-based annotation attribute overrides");

    private static ApplicationModules modules;
    private static ApplicationModules fixtures;

    @BeforeAll
    static void model() {
        // Modulith takes its detection strategy only from this property (environment or application.yml); set
        // here for the model's construction, it stays out of the service's configuration
        String property = "spring.modulith.detection-strategy";
        String before = System.setProperty(property, VigilModuleDetection.class.getName());
        try {
            AXON_ANNOTATIONS.during(() -> {
                modules = ApplicationModules.of(ModuleRules.ROOT, new ProductionClasses());
                fixtures = ApplicationModules.of(ModuleRules.ROOT, (ImportOption) location -> location.matches(FIXTURE));
                return null;
            });
        } finally {
            if (before == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, before);
            }
        }
    }

    @Test
    void modulithSeesEveryModuleAndNoViolation() {
        assertThat(modules.stream().map(module -> module.getIdentifier().toString()))
                .contains("app", "platform", "identity", "billing", "monitoring", "alerting", "dashboard", "seeder");
        assertThat(modules.getModuleByName("alerting").orElseThrow().getNamedInterfaces().getByName("api"))
                .as("a business module exposes its api package").isPresent();
        modules.verify();
    }

    @Test
    void modulithReportsTheFixturesCycleAndInternalAccesses() {
        List<String> violations = fixtures.detectViolations().getMessages();
        assertThat(violations).as("the cycle archfixturealpha -> archfixturebeta -> archfixturealpha")
                .anySatisfy(violation -> assertThat(violation).contains("Cycle detected", "archfixturebeta"));
        assertThat(violations).as("beta's web reaching into alpha's internals")
                .anySatisfy(violation -> assertThat(violation).contains("BetaController", "AlphaSecret"));
        assertThat(violations).as("the seeder fixture using alpha's domain")
                .anySatisfy(violation -> assertThat(violation).contains("DomainSeeder", "SpringyAggregate"));
        assertThatThrownBy(fixtures::verify).isInstanceOf(Violations.class);
    }

    @Test
    void theDiagramsInDocsModulesAreCurrent() throws IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(GENERATED.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        Map<String, String> generated = diagrams(GENERATED);
        if (Boolean.getBoolean("vigil.modules.write")) {
            Files.createDirectories(CHECKED_IN);
            for (String stale : diagrams(CHECKED_IN).keySet()) {
                Files.delete(CHECKED_IN.resolve(stale));
            }
            for (Map.Entry<String, String> diagram : generated.entrySet()) {
                Files.writeString(CHECKED_IN.resolve(diagram.getKey()), diagram.getValue());
            }
        }
        assertThat(generated).as("every module has its diagram")
                .containsKeys(modules.stream().map(ApplicationModule::getIdentifier)
                        .map(id -> "module-" + id + ".puml").toArray(String[]::new));
        assertThat(diagrams(CHECKED_IN)).as(STALE).isEqualTo(generated);
    }

    /** The PlantUML files of a folder, by name, each in its {@linkplain #canonical canonical} form. */
    private static Map<String, String> diagrams(Path folder) throws IOException {
        Map<String, String> diagrams = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return diagrams;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".puml")).toList()) {
                diagrams.put(file.getFileName().toString(), canonical(Files.readString(file)));
            }
        }
        return diagrams;
    }

    /**
     * The diagram with each run of element or relation lines ({@code Component(...)}, {@code Rel(...)}) sorted:
     * the Documenter writes them in hash order, which may differ between runs for the same modules.
     */
    private static String canonical(String diagram) {
        List<String> lines = new ArrayList<>(diagram.lines().toList());
        int start = 0;
        for (int end = 1; end <= lines.size(); end++) {
            if (end == lines.size() || !declared(lines.get(end)).equals(declared(lines.get(start)))) {
                if (!declared(lines.get(start)).isEmpty()) {
                    Collections.sort(lines.subList(start, end));
                }
                start = end;
            }
        }
        return String.join("\n", lines) + "\n";
    }

    private static String declared(String line) {
        Matcher macro = DECLARATION.matcher(line);
        return macro.find() ? macro.group(1) : "";
    }
}
