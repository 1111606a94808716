package dev.vigil.platform.feed;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.platform.testing.BulkFixtures;
import dev.vigil.platform.testing.ExpectedLogs;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A module's plan test of its feed: every shape of the feed's page statements, keyset and offset, checked by
 * {@link FeedPlans} on a table the subclass fills. The fill and its removal are bulk fixtures ({@link BulkFixtures});
 * after the fill the table is analyzed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class FeedPlanTestSupport {

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ObjectMapper json;

    private UUID userId;

    /** The feed whose statements are checked. */
    protected abstract Feed<?> feed();

    /**
     * Fills the feed's table with enough rows per user, of every filter value, for the planner to prefer an index.
     *
     * @return a user with rows
     */
    protected abstract UUID seed();

    /** Removes what {@link #seed()} wrote. */
    protected abstract void removeSeed();

    @BeforeAll
    protected void seedAndAnalyze() {
        userId = Objects.requireNonNull(slowFill().during(() -> BulkFixtures.inOneTransaction(transactions, jdbc, this::seed)));
        BulkFixtures.inOneTransaction(transactions, jdbc, () -> jdbc.sql("ANALYZE " + feed().statements().table()).update());
    }

    @AfterAll
    protected void remove() {
        slowFill().during(() -> BulkFixtures.inOneTransaction(transactions, jdbc, () -> {
            removeSeed();
            return null;
        }));
    }

    /** A bulk fill or removal is slow by nature: the service's slow-statement report of it is expected. */
    private static ExpectedLogs slowFill() {
        return ExpectedLogs.from("vigil.sql.slow").allow(Level.WARN, "name=unnamed").allow(Level.ERROR, "name=unnamed");
    }

    @TestFactory
    protected Stream<DynamicTest> keysetPagesReadAnIndexInOrder() {
        FeedPlans plans = plans();
        return plans.everyShape().stream().map(selection -> DynamicTest.dynamicTest(selection.toString(),
                () -> plans.assertKeysetPagesReadAnIndexInOrder(userId, selection)));
    }

    @TestFactory
    protected Stream<DynamicTest> offsetPagesReadAnIndexInOrder() {
        FeedPlans plans = plans();
        return plans.everyShape().stream().map(selection -> DynamicTest.dynamicTest(selection.toString(),
                () -> plans.assertOffsetPagesReadAnIndexInOrder(userId, selection)));
    }

    private FeedPlans plans() {
        return new FeedPlans(feed(), jdbc, transactions, json);
    }
}
