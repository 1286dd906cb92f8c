package gatewatch.features.kdd;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The schema of the 41 KDD features: their names, order and symbol codes. {@link #hash()} changes
 * whenever any of them changes. A model's schema is this plus the columns beyond the 41 that the
 * detector reads ({@code gatewatch.detector.encode.DetectorRow#schemaHash}), so a feature that is
 * only exported does not make every model file stale.
 */
public final class KddSchema {
    private KddSchema() {
    }

    /** Hex SHA-256 over every feature name and every symbol table in code order. */
    public static String hash() {
        return sha256(text());
    }

    /** The schema as text: a line per feature, its ordinal, name and symbols in code order. */
    public static String text() {
        StringBuilder sb = new StringBuilder();
        for (KddFeature f : KddFeature.values()) {
            sb.append(f.ordinal()).append(':').append(f.kddName());
            for (String s : f.symbolNames()) {
                sb.append(',').append(s);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Hex SHA-256 of {@code text} in UTF-8. */
    public static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
