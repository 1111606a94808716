package dev.vigil.platform.axon;

/**
 * A command committed, but a read model dead-lettered one of its events (or parked it behind an earlier dead
 * letter of the same user): the change is recorded and will not show in reads until an operator retries the
 * dead letters. Answered as a 503 problem ({@link WriteNotVisibleAdvice}), never as a success.
 */
public class WriteNotVisibleException extends RuntimeException {

    private final String processorName;
    private final String eventIdentifier;

    WriteNotVisibleException(String processorName, String eventIdentifier) {
        super("read model " + processorName + " parked event " + eventIdentifier + " in its dead-letter queue");
        this.processorName = processorName;
        this.eventIdentifier = eventIdentifier;
    }

    public String processorName() {
        return processorName;
    }

    public String eventIdentifier() {
        return eventIdentifier;
    }
}
