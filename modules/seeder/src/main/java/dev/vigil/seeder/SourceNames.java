package dev.vigil.seeder;

import java.util.List;

/**
 * Source names for one user's exposures, each different, so every exposure is its own finding (fingerprint).
 * The base names repeat across users, as real brokers and breaches do; a user with more exposures than base
 * names gets numbered listings.
 */
final class SourceNames {

    private static final List<String> BASES = List.of("Acme People Data", "FindThem", "Spokeo-like Search",
            "PeopleLookup", "MegaCorp breach", "ShopCity breach", "Pastebin", "GhostBin", "DataHarbor", "InfoTracer Pro",
            "ClearList", "NameSearch", "Radaris-style Index", "Intelius-style Index", "TruePeople Directory",
            "SocialScrape", "LeakBase", "ComboList 2025", "Forum dump", "Marketing list broker", "VoterData Online",
            "PhoneFinder", "AddressHistory", "BackgroundCheck Now", "PublicRecords Hub", "Lead Exchange",
            "Credit header reseller", "Dating site breach", "Fitness app breach", "Travel agency breach");

    private final int offset;
    private int next;

    SourceNames(Randoms random) {
        this.offset = random.between(0, BASES.size() - 1);
    }

    String next() {
        int i = next++;
        String base = BASES.get((i + offset) % BASES.size());
        int round = i / BASES.size();
        return round == 0 ? base : base + " listing " + (round + 1);
    }
}
