package dev.vigil.monitoring.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Identifies a finding within one user's exposures: SHA-256 over the normalized source name, the source
 * kind and the data types. "Acme People Search", " acme  people search " and "ACME PEOPLE SEARCH" are one
 * source. Stored, so the canonical form below must never change meaning (hence the version tag in it).
 * Public so that anything writing {@code monitoring.finding_claim} rows (the volume seeder) claims a
 * finding exactly as monitoring does.
 */
public record Fingerprint(String sha256Hex) {

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    private static final HexFormat HEX = HexFormat.of();

    public Fingerprint {
        if (sha256Hex == null || !sha256Hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 in lower-case hex: " + sha256Hex);
        }
    }

    public static Fingerprint of(String sourceName, SourceKind sourceKind, Collection<DataType> dataTypes) {
        String name = normalizedSourceName(sourceName);
        // Data types by name, not by enum order: reordering the enum must not change stored fingerprints.
        String types = String.join(",", dataTypes.stream().map(Enum::name).distinct().sorted().toList());
        // The name is length-prefixed, so no name can imitate the fields after it.
        String canonical = "exposure-fingerprint-v1|" + name.length() + "|" + name + "|" + sourceKind.name() + "|" + types;
        return new Fingerprint(HEX.formatHex(sha256(canonical.getBytes(StandardCharsets.UTF_8))));
    }

    /**
     * Unicode-compatibility normalized (NFKC), white space trimmed and runs of it collapsed, then case-folded
     * (upper then lower case, which folds e.g. "ß" and "SS" together; {@link Locale#ROOT}, so a Turkish
     * server locale changes nothing).
     */
    private static String normalizedSourceName(String sourceName) {
        String compatible = Normalizer.normalize(sourceName, Normalizer.Form.NFKC);
        String spaced = WHITE_SPACE.matcher(compatible.strip()).replaceAll(" ");
        return spaced.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    public byte[] bytes() {
        return HEX.parseHex(sha256Hex);
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
