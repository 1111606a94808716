package dev.vigil.identity.domain;

/**
 * Another user already registered this email address.
 */
public class EmailAlreadyRegistered extends RuntimeException {

    public EmailAlreadyRegistered(EmailAddress email) {
        super("email " + email.value() + " is already registered");
    }
}
