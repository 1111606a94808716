package dev.vigil.platform.testing;

import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way a test writes or removes rows in bulk (an {@code INSERT ... SELECT generate_series}, its
 * {@code DELETE}): in one transaction without the service's statement timeout. The production 5 s limit guards
 * requests; a fixture that takes longer on a busy machine is slow, not wrong.
 */
public final class BulkFixtures {

    private BulkFixtures() {
    }

    /** Runs {@code fixture} in a transaction of its own, without the statement timeout; returns its result. */
    public static <T> T inOneTransaction(TransactionTemplate transactions, JdbcClient jdbc, Supplier<T> fixture) {
        return transactions.execute(status -> {
            withoutStatementTimeout(jdbc);
            return fixture.get();
        });
    }

    /** {@link #inOneTransaction(TransactionTemplate, JdbcClient, Supplier)} for a fixture with no result. */
    public static void inOneTransaction(TransactionTemplate transactions, JdbcClient jdbc, Runnable fixture) {
        inOneTransaction(transactions, jdbc, () -> {
            fixture.run();
            return null;
        });
    }

    /**
     * Lifts the statement and lock timeouts for the rest of the caller's transaction (one the test rolls back, say);
     * the pooled session gets them back when the transaction ends.
     */
    public static void withoutStatementTimeout(JdbcClient jdbc) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("SET LOCAL lasts one transaction: lift the statement timeout inside one");
        }
        jdbc.sql("SET LOCAL statement_timeout = 0").update();
        jdbc.sql("SET LOCAL lock_timeout = 0").update();
    }
}
