package dev.vigil.app.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.util.regex.Pattern;

/**
 * The production classes on the app's test class path: neither the reactor's test-classes folders nor Maven's
 * test-jars ({@code *-tests.jar}: the platform's testing harness, the seeder's tables), which
 * {@link ImportOption.DoNotIncludeTests} does not know.
 */
final class ProductionClasses implements ImportOption {

    private static final ImportOption NOT_TEST_CLASSES = new ImportOption.DoNotIncludeTests();
    private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar!/.*");

    @Override
    public boolean includes(Location location) {
        return NOT_TEST_CLASSES.includes(location) && !location.matches(TEST_JAR);
    }
}
