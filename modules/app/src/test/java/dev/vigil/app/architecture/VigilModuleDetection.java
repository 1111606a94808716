package dev.vigil.app.architecture;

import java.util.stream.Stream;
import org.springframework.modulith.core.ApplicationModuleDetectionStrategy;
import org.springframework.modulith.core.ApplicationModuleInformation;
import org.springframework.modulith.core.JavaPackage;
import org.springframework.modulith.core.NamedInterfaces;

/**
 * Vigil's modules as Spring Modulith sees them: every package {@code dev.vigil.<name>} is a module (as for
 * {@link ModuleRules}); a business module exposes its {@code api} package, the platform every capability package
 * ({@code platform.jdbc}, {@code platform.cache}, ...), since it is shared infrastructure for all. Modulith always
 * adds a module's base package as well (only the modules' properties classes live there).
 */
final class VigilModuleDetection implements ApplicationModuleDetectionStrategy {

    @Override
    public Stream<JavaPackage> getModuleBasePackages(JavaPackage rootPackage) {
        return rootPackage.getDirectSubPackages().stream();
    }

    @Override
    public NamedInterfaces detectNamedInterfaces(JavaPackage basePackage, ApplicationModuleInformation information) {
        boolean platform = basePackage.getName().equals(ModuleRules.ROOT + "." + ModuleRules.PLATFORM);
        return NamedInterfaces.builder(basePackage).matching(platform ? "*" : "api").build();
    }
}
