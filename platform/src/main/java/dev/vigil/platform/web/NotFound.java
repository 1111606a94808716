package dev.vigil.platform.web;

/**
 * Thrown by a read endpoint when the caller has nothing there: answered as the same 404 problem as a
 * missing aggregate, whether the row does not exist or belongs to someone else.
 */
public class NotFound extends RuntimeException {

    public NotFound() {
        super("No such resource", null, false, false);
    }
}
