package dev.vigil.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs Prometheus's promtool for a test and returns its output, failing the test when promtool fails. On a machine
 * without promtool (Debian: {@code apt-get install prometheus}) the test is skipped, unless
 * {@code VIGIL_REQUIRE_PROMTOOL=1}, which CI sets after installing it.
 */
final class Promtool {

    private Promtool() {
    }

    static String run(Path directory, String... arguments) throws IOException, InterruptedException {
        Path promtool = onPath("promtool");
        boolean required = "1".equals(System.getenv("VIGIL_REQUIRE_PROMTOOL"));
        if (required) {
            assertThat(promtool).as("promtool on PATH (VIGIL_REQUIRE_PROMTOOL=1)").isNotNull();
        }
        assumeTrue(promtool != null, "promtool is not installed (apt-get install prometheus)");
        Process process = new ProcessBuilder(Stream.concat(Stream.of(promtool.toString()), Stream.of(arguments)).toList())
                .directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static Path onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(directory -> Path.of(directory, program))
                .filter(Files::isExecutable)
                .findFirst().orElse(null);
    }
}
