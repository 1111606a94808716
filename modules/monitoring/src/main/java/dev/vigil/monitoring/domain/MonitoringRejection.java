package dev.vigil.monitoring.domain;

/**
 * A command monitoring refuses because of what it asks (a client error), as opposed to a failure to carry
 * it out. Such a command wrote nothing.
 */
public abstract class MonitoringRejection extends RuntimeException {

    protected MonitoringRejection(String message) {
        super(message);
    }
}
