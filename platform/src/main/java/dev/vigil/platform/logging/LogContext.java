package dev.vigil.platform.logging;

/**
 * The MDC keys Vigil sets, so that every log line, and every slow-statement report, can say which request or
 * event processor it belongs to. Log patterns show them with {@code %X{request_id}}.
 */
public final class LogContext {

    /** The id of the HTTP request being served, as returned in {@code X-Request-Id}. */
    public static final String REQUEST_ID = "request_id";
    /** The name of the event processor handling the current event. */
    public static final String PROCESSOR = "processor";

    private LogContext() {
    }
}
