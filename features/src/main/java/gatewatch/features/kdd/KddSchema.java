package gatewatch.features.kdd;

import gatewatch.features.extended.ExtendedFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The feature schema as a whole: names, order and symbol codes of the 41 KDD features and of the
 * {@link ExtendedFeature}s after them.
 *
 * <p>{@link #hash()} changes whenever any of them changes, so a model file trained on one schema
 * is refused by a build with another.
 */
public final class KddSchema {
    private KddSchema() {
    }

    /** Hex SHA-256 over every feature name and every symbol table in code order. */
    public static String hash() {
        StringBuilder sb = new StringBuilder();
        for (KddFeature f : KddFeature.values()) {
            sb.append(f.ordinal()).append(':').append(f.kddName());
            for (String s : f.symbolNames()) {
                sb.append(',').append(s);
            }
            sb.append('\n');
        }
        for (ExtendedFeature e : ExtendedFeature.values()) {
            sb.append("extended ").append(e.ordinal()).append(':').append(e.columnName()).append('\n');
        }
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
