package dev.vigil.seeder;

import java.util.List;

/** Display names and time zones of seeded users. */
final class Names {

    static final List<String> TIME_ZONES = List.of("UTC", "Europe/Berlin", "Europe/London", "Europe/Paris",
            "America/New_York", "America/Chicago", "America/Los_Angeles", "Asia/Tokyo", "Australia/Sydney",
            "America/Sao_Paulo");
    private static final List<String> FIRST = List.of("Ada", "Ben", "Chloe", "Dev", "Elif", "Farid", "Grace", "Hugo",
            "Ines", "Jonas", "Kira", "Liam", "Mona", "Nils", "Olga", "Priya", "Quinn", "Rosa", "Sami", "Tara");
    private static final List<String> LAST = List.of("Adams", "Becker", "Costa", "Dubois", "Evans", "Fischer", "Garcia",
            "Hansen", "Ito", "Jansen", "Khan", "Lopez", "Meyer", "Nowak", "Okafor", "Petrov", "Rossi", "Smith");

    private Names() {
    }

    static String displayName(Randoms random) {
        return random.pick(FIRST) + " " + random.pick(LAST);
    }
}
