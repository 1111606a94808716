package dev.vigil.platform.jdbc;

/**
 * No database is configured, and nothing supplied one: the production jar (which has no development servers),
 * or the production profile (which switches them off), started without {@code VIGIL_DB_URL}.
 */
class DatabaseNotConfiguredException extends RuntimeException {

    static final String DESCRIPTION = "No PostgreSQL is configured: spring.datasource.url (VIGIL_DB_URL) is not set,"
            + " and no development server supplied one (they are not in the production jar, and the production"
            + " profile switches them off).";
    static final String ACTION = "Point Vigil at its database: VIGIL_DB_URL=jdbc:postgresql://host:5432/vigil with"
            + " VIGIL_DB_USERNAME and VIGIL_DB_PASSWORD (or spring.datasource.url, .username and .password)."
            + " For development, the README's run command finds a local PostgreSQL or starts an embedded one.";

    DatabaseNotConfiguredException() {
        super(DESCRIPTION + " " + ACTION);
    }
}
