package dev.vigil.archfixturealpha.domain;

import dev.vigil.platform.input.TextPolicy;

/** Fixture: a domain class checking its input with the platform's text policy, which the domain rule allows. */
public class PolicyCheckedAggregate {

    String name(String raw) {
        return TextPolicy.require("name", raw, 10);
    }
}
