package dev.vigil.loadtest;

/**
 * A step of the open model that was not sent: its endpoint group already had its most steps in flight (they stall).
 * Not a failure of the service, but the demand it did not get to serve.
 */
record NotSent(long atMs, String group) {
}
