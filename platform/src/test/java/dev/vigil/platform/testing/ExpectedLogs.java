package dev.vigil.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * The log lines a test provokes on purpose (a failure path's WARN or ERROR, often with a stack trace): kept out of
 * the build's output and checked. While each test runs, the named loggers write to this capture instead of the
 * console; the test says which lines it expected ({@link #assertLogged}, {@link #expect}), and after the test every
 * line it did not claim is printed as usual, so an unexpected warning is never hidden. An {@link #expect}ed line
 * that never came fails the test.
 * <pre>
 * &#64;RegisterExtension
 * final ExpectedLogs logs = ExpectedLogs.from(ReadCache.class);
 * ...
 * logs.assertLogged(Level.WARN, "Redis read failed");
 * </pre>
 */
public final class ExpectedLogs implements BeforeEachCallback, AfterEachCallback {

    private final List<String> loggerNames;
    private final Map<Logger, Boolean> additivity = new LinkedHashMap<>();
    private final Map<Logger, List<Appender<ILoggingEvent>>> appenders = new LinkedHashMap<>();
    private final List<Expectation> standing = new ArrayList<>();
    private final List<Expectation> expectations = new CopyOnWriteArrayList<>();
    private final List<Expectation> allowances = new CopyOnWriteArrayList<>();
    private final Set<ILoggingEvent> claimed = ConcurrentHashMap.newKeySet();
    private final Capture capture = new Capture();
    private final ReattachOnReset reattach = new ReattachOnReset();

    private ExpectedLogs(List<String> loggerNames) {
        this.loggerNames = List.copyOf(loggerNames);
    }

    /** Captures the loggers named after these classes (the usual {@code LoggerFactory.getLogger(Foo.class)}). */
    public static ExpectedLogs from(Class<?>... sources) {
        return new ExpectedLogs(Arrays.stream(sources).map(Class::getName).toList());
    }

    /** Captures these loggers, and the loggers below them. */
    public static ExpectedLogs from(String... loggerNames) {
        return new ExpectedLogs(List.of(loggerNames));
    }

    /** Declares a line every test of the class causes (each refuses a context, say): one missing fails that test. */
    public ExpectedLogs expectInEachTest(Level level, String text) {
        standing.add(new Expectation(level, text));
        return this;
    }

    /** Declares a line this test will cause, perhaps on another thread: the test fails if it is not logged. */
    public ExpectedLogs expect(Level level, String text) {
        expectations.add(new Expectation(level, text));
        return this;
    }

    /** Declares a line this test may or may not cause, by a race it does not control; not printed if it comes. */
    public ExpectedLogs allow(Level level, String text) {
        allowances.add(new Expectation(level, text));
        return this;
    }

    /** Asserts that a line at this level containing the text was logged, and returns the first such event. */
    public ILoggingEvent assertLogged(Level level, String text) {
        List<ILoggingEvent> matching = claim(new Expectation(level, text));
        assertThat(matching).as("a %s line containing \"%s\" among %s", level, text, describe(capture.events))
                .isNotEmpty();
        return matching.getFirst();
    }

    /** The messages logged at this level, formatted; the test asserts on them, so none of them is printed. */
    public List<String> messages(Level level) {
        return claim(event -> event.getLevel().equals(level)).stream().map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    /** Every event captured so far; the test asserts on them, so none of them is printed. */
    public List<ILoggingEvent> events() {
        return claim(event -> true);
    }

    /**
     * Runs a fixture that belongs to no one test (a {@code @BeforeAll}'s bulk fill, say) inside this capture, with
     * what was declared before.
     */
    public <T> T during(Supplier<T> fixture) {
        start();
        try {
            return fixture.get();
        } finally {
            finish();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        expectations.clear();
        expectations.addAll(standing);
        allowances.clear();
        start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        finish();
    }

    private void start() {
        capture.events.clear();
        claimed.clear();
        LoggerContext loggers = loggerContext();
        capture.setContext(loggers);
        capture.start();
        for (String name : loggerNames) {
            Logger logger = loggers.getLogger(name);
            // its own appenders too: the root logger's is the console
            List<Appender<ILoggingEvent>> own = new ArrayList<>();
            logger.iteratorForAppenders().forEachRemaining(own::add);
            own.forEach(logger::detachAppender);
            appenders.put(logger, own);
            additivity.put(logger, logger.isAdditive());
            logger.addAppender(capture);
            logger.setAdditive(false);
        }
        loggers.addListener(reattach);
    }

    private void finish() {
        loggerContext().removeListener(reattach);
        additivity.forEach((logger, additive) -> {
            logger.detachAppender(capture);
            appenders.get(logger).forEach(logger::addAppender);
            logger.setAdditive(additive);
        });
        additivity.clear();
        appenders.clear();
        capture.stop();
        List<Expectation> unmet = expectations.stream().filter(expectation -> claim(expectation).isEmpty()).toList();
        allowances.forEach(this::claim);
        List<ILoggingEvent> unclaimed = capture.events.stream().filter(event -> !claimed.contains(event)).toList();
        // printed where they would have gone, only later
        unclaimed.forEach(event -> loggerContext().getLogger(event.getLoggerName()).callAppenders(event));
        assertThat(unmet).as("expected log lines that were not logged; captured: %s", describe(capture.events))
                .isEmpty();
    }

    private List<ILoggingEvent> claim(Predicate<ILoggingEvent> matching) {
        List<ILoggingEvent> matched = capture.events.stream().filter(matching).toList();
        claimed.addAll(matched);
        return matched;
    }

    private static List<String> describe(List<ILoggingEvent> events) {
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : events) {
            IThrowableProxy thrown = event.getThrowableProxy();
            lines.add(event.getLevel() + " " + event.getLoggerName() + ": " + event.getFormattedMessage()
                    + (thrown == null ? "" : " (" + thrown.getClassName() + ")"));
        }
        return Collections.unmodifiableList(lines);
    }

    private static LoggerContext loggerContext() {
        return (LoggerContext) LoggerFactory.getILoggerFactory();
    }

    private record Expectation(Level level, String text) implements Predicate<ILoggingEvent> {

        @Override
        public boolean test(ILoggingEvent event) {
            return event.getLevel().equals(level) && event.getFormattedMessage().contains(text);
        }
    }

    /**
     * A test that starts an application of its own ({@code SpringApplication.run}) after another context closed makes
     * Spring Boot initialise logging again, and Logback's reset detaches and stops every appender: the capture goes
     * back on, or the test's lines would reach the console and its assertions find nothing.
     */
    private final class ReattachOnReset extends ContextAwareBase implements LoggerContextListener {

        @Override
        public boolean isResetResistant() {
            return true;
        }

        @Override
        public void onReset(LoggerContext context) {
            capture.start();
            additivity.keySet().forEach(logger -> {
                logger.addAppender(capture);
                logger.setAdditive(false);
            });
        }

        @Override
        public void onStart(LoggerContext context) {
        }

        @Override
        public void onStop(LoggerContext context) {
        }

        @Override
        public void onLevelChange(Logger logger, Level level) {
        }
    }

    /** Thread-safe: the lines often come from a pool or a processor's thread while the test reads them. */
    private static final class Capture extends AppenderBase<ILoggingEvent> {

        final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();

        Capture() {
            setName("expected-logs");
        }

        @Override
        protected void append(ILoggingEvent event) {
            event.prepareForDeferredProcessing();
            events.add(event);
        }
    }
}
