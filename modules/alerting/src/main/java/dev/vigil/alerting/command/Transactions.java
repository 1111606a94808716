package dev.vigil.alerting.command;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The adapters here only make sense inside the transaction that also appends the command's events. */
final class Transactions {

    private Transactions() {
    }

    static void requireActive(String what) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException(what + " must run inside the transaction that appends the events");
        }
    }
}
