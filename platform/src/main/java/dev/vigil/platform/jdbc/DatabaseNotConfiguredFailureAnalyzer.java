package dev.vigil.platform.jdbc;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Prints a missing database configuration as Description / Action, without a stack trace.
 */
class DatabaseNotConfiguredFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseNotConfiguredException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DatabaseNotConfiguredException cause) {
        return new FailureAnalysis(DatabaseNotConfiguredException.DESCRIPTION, DatabaseNotConfiguredException.ACTION,
                cause);
    }
}
