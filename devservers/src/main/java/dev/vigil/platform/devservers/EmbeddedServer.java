package dev.vigil.platform.devservers;

import java.nio.file.Path;

/**
 * A real server process this JVM starts and removes again.
 */
interface EmbeddedServer {

    /** Starts the server unless it runs already; returns its local port. */
    int start();

    /** Stops the server and deletes its temporary files. */
    void stop();

    /** Where its temporary files live (null before the first start). */
    Path workDirectory();
}
