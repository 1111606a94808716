package dev.vigil.app.fuzz;

/** What came back: the status, the Content-Type header (null if none) and the body; or no response at all. */
record FuzzResponse(int status, String contentType, String body, String transportError) {

    static FuzzResponse of(int status, String contentType, String body) {
        return new FuzzResponse(status, contentType, body, null);
    }

    static FuzzResponse failed(Exception error) {
        return new FuzzResponse(0, null, "", error.getClass().getSimpleName() + ": " + error.getMessage());
    }

    boolean answered() {
        return transportError == null;
    }
}
