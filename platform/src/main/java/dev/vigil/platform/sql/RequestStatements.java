package dev.vigil.platform.sql;

/**
 * Counts the statements the current request's thread runs. Requests run on their own (virtual) thread and
 * reads never hop threads, so a thread-bound counter is exact for reads; statements that projections run
 * on their own threads after a command are, rightly, not the request's.
 */
public final class RequestStatements {

    /** The request attribute holding a finished request's statement count. */
    public static final String REQUEST_ATTRIBUTE = "vigil.statements";

    private static final ThreadLocal<int[]> CURRENT = new ThreadLocal<>();

    private RequestStatements() {
    }

    /** Starts counting for this thread; returns the previous counter to restore with {@link #end}. */
    static int[] begin() {
        int[] previous = CURRENT.get();
        CURRENT.set(new int[1]);
        return previous;
    }

    /** Stops counting; returns how many statements ran since {@link #begin}. */
    static int end(int[] previous) {
        int[] counter = CURRENT.get();
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
        return counter == null ? 0 : counter[0];
    }

    static void add(int statements) {
        int[] counter = CURRENT.get();
        if (counter != null) {
            counter[0] += statements;
        }
    }

    /** How many statements this thread has run in its current request so far; 0 outside a request. */
    public static int current() {
        int[] counter = CURRENT.get();
        return counter == null ? 0 : counter[0];
    }
}
