package dev.vigil.platform.devservers;

import java.io.IOException;

/** The free port chosen for an embedded server was taken by another process before the server bound it. */
final class PortTakenException extends IOException {

    PortTakenException(String message) {
        super(message);
    }
}
