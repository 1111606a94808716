package dev.vigil.platform.devservers;

/**
 * Nothing answered at the default address and the embedded replacement could not start either.
 */
public class DevServerUnavailableException extends RuntimeException {

    private final String action;

    DevServerUnavailableException(String description, String action, Throwable cause) {
        super(description + " " + action, cause);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
