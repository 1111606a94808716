package dev.vigil.archfixturealpha.api;

/** Fixture: breaks "api holds records and enums". */
public class MutableApiType {
    public String value;
}
