package dev.vigil.archfixturealpha.domain;

import org.springframework.stereotype.Component;

/** Fixture: breaks "domain uses no Spring". */
@Component
public class SpringyAggregate {
}
