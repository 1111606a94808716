package dev.vigil.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class AxonDefaultsEnvironmentPostProcessorTests {

    private static final String SWITCH = AxonDefaultsEnvironmentPostProcessor.UPDATE_CHECK_DISABLED;

    private final AxonDefaultsEnvironmentPostProcessor defaults = new AxonDefaultsEnvironmentPostProcessor();
    private String before;

    @BeforeEach
    void clearSwitch() {
        before = System.clearProperty(SWITCH);
    }

    @AfterEach
    void restoreSwitch() {
        if (before == null) {
            System.clearProperty(SWITCH);
        } else {
            System.setProperty(SWITCH, before);
        }
    }

    @Test
    void theUpdateCheckIsSwitchedOffWhereAxonLooksForTheSwitch() {
        StandardEnvironment environment = new StandardEnvironment();

        defaults.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("axon.axonserver.enabled")).isEqualTo("false");
        assertThat(System.getProperty(SWITCH)).isEqualTo("true");
    }

    @Test
    void anOperatorWhoWantsTheUpdateCheckCanStillHaveIt() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("operator", Map.of(SWITCH, "false")));

        defaults.postProcessEnvironment(environment, new SpringApplication());

        assertThat(System.getProperty(SWITCH)).isEqualTo("false");
    }

    @Test
    void aSwitchGivenToTheJvmIsLeftAlone() {
        System.setProperty(SWITCH, "false");

        defaults.postProcessEnvironment(new StandardEnvironment(), new SpringApplication());

        assertThat(System.getProperty(SWITCH)).isEqualTo("false");
    }
}
