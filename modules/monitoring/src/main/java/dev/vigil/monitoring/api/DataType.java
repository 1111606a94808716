package dev.vigil.monitoring.api;

/** A kind of personal data a finding contains. */
public enum DataType {
    EMAIL, PHONE, ADDRESS, NAME, DATE_OF_BIRTH, SSN, PASSWORD, FINANCIAL
}
