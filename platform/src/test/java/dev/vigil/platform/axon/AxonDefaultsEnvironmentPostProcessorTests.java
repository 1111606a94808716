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
    private static final String BANNER = AxonDefaultsEnvironmentPostProcessor.CONSOLE_MESSAGE_DISABLED;

    private final AxonDefaultsEnvironmentPostProcessor defaults = new AxonDefaultsEnvironmentPostProcessor();
    private String switchBefore;
    private String bannerBefore;

    @BeforeEach
    void clearSwitches() {
        switchBefore = System.clearProperty(SWITCH);
        bannerBefore = System.clearProperty(BANNER);
    }

    @AfterEach
    void restoreSwitches() {
        restore(SWITCH, switchBefore);
        restore(BANNER, bannerBefore);
    }

    private static void restore(String name, String value) {
        if (value == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, value);
        }
    }

    @Test
    void theUpdateCheckIsSwitchedOffWhereAxonLooksForTheSwitch() {
        StandardEnvironment environment = new StandardEnvironment();

        defaults.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("axon.axonserver.enabled")).isEqualTo("false");
        assertThat(System.getProperty(SWITCH)).isEqualTo("true");
        assertThat(System.getProperty(BANNER)).isEqualTo("true");
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
