package dev.vigil.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The capture under test is driven by hand around each case; the extension registered on this class watches the
 * root logger, which is where the capture's lines would otherwise go (the console).
 */
class ExpectedLogsTests {

    private static final String SOURCE = "dev.vigil.test.failure-path";
    private static final Logger log = LoggerFactory.getLogger(SOURCE);

    @RegisterExtension
    final ExpectedLogs console = ExpectedLogs.from(org.slf4j.Logger.ROOT_LOGGER_NAME);

    private final ExpectedLogs logs = ExpectedLogs.from(SOURCE);

    @BeforeEach
    void startCapture() {
        logs.beforeEach(null);
    }

    @Test
    void anAssertedLineIsNeitherPrintedWhileTheTestRunsNorAfterIt() {
        log.warn("Redis read failed", new IllegalStateException("connection refused"));

        assertThat(logs.assertLogged(Level.WARN, "read failed").getThrowableProxy().getMessage())
                .isEqualTo("connection refused");
        assertThat(console.events()).isEmpty();
        logs.afterEach(null);
        assertThat(console.events()).isEmpty();
    }

    @Test
    void aLineTheTestDidNotClaimIsPrintedAfterIt() {
        log.error("nobody expected this");
        assertThat(console.events()).isEmpty();

        logs.afterEach(null);

        console.assertLogged(Level.ERROR, "nobody expected this");
    }

    @Test
    void anExpectedLineThatNeverCameFailsTheTest() {
        logs.expect(Level.WARN, "Redis read failed");
        log.warn("Redis invalidate failed");

        assertThatThrownBy(() -> logs.afterEach(null)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Redis read failed").hasMessageContaining("Redis invalidate failed");
        console.assertLogged(Level.WARN, "Redis invalidate failed");
    }

    @Test
    void anExpectedLineIsMatchedByItsLevelToo() {
        log.info("Redis read failed");

        assertThatThrownBy(() -> logs.assertLogged(Level.WARN, "Redis read failed"))
                .isInstanceOf(AssertionError.class);
        logs.afterEach(null);
        console.assertLogged(Level.INFO, "Redis read failed");
    }

    @Test
    void anExpectedLineFromAnotherThreadIsCaptured() {
        logs.expect(Level.ERROR, "slow_statement");

        CompletableFuture.runAsync(() -> LoggerFactory.getLogger(SOURCE + ".watch").error("slow_statement")).join();

        logs.afterEach(null);
        assertThat(console.events()).isEmpty();
    }

    @Test
    void anAllowedLineMayComeOrNot() {
        logs.allow(Level.ERROR, "state=running").allow(Level.WARN, "never logged");
        log.error("slow_statement state=running");

        logs.afterEach(null);
        assertThat(console.events()).isEmpty();
    }

    @Test
    void aLineExpectedInEachTestIsExpectedAgainInTheNext() {
        ExpectedLogs refusals = ExpectedLogs.from(SOURCE + ".context").expectInEachTest(Level.WARN, "refresh");
        refusals.beforeEach(null);
        LoggerFactory.getLogger(SOURCE + ".context").warn("cancelling refresh attempt");
        refusals.afterEach(null);

        refusals.beforeEach(null);
        assertThatThrownBy(() -> refusals.afterEach(null)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("refresh");
        logs.afterEach(null);
        assertThat(console.events()).isEmpty();
    }

    @Test
    void aFixtureOutsideTheTestsRunsInsideTheCaptureWithWhatWasDeclaredBefore() {
        ExpectedLogs fill = ExpectedLogs.from(SOURCE + ".fill").allow(Level.WARN, "slow_statement");

        String seeded = fill.during(() -> {
            LoggerFactory.getLogger(SOURCE + ".fill").warn("slow_statement name=unnamed");
            return "seeded";
        });

        assertThat(seeded).isEqualTo("seeded");
        logs.afterEach(null);
        assertThat(console.events()).isEmpty();
    }
}
