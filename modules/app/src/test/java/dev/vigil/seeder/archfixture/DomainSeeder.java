package dev.vigil.seeder.archfixture;

import dev.vigil.archfixturealpha.domain.SpringyAggregate;

/** Fixture: a seeder class that builds rows from another module's domain type (breaks "the seeder uses only api"). */
public class DomainSeeder {
    public SpringyAggregate source;
}
