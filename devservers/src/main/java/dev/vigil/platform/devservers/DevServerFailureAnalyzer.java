package dev.vigil.platform.devservers;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Prints the start-up failure of the development servers as Description / Action, without a stack trace wall.
 */
class DevServerFailureAnalyzer extends AbstractFailureAnalyzer<DevServerUnavailableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DevServerUnavailableException cause) {
        String description = cause.getMessage().substring(0, cause.getMessage().length() - cause.action().length()).trim();
        return new FailureAnalysis(description, cause.action(), cause);
    }
}
