package gatewatch.features.truth;

import java.util.Locale;

/** The five KDD Cup 1999 categories a truth rule can assign. */
public enum TruthCategory {
    NORMAL, DOS, PROBE, R2L, U2R;

    /** The lower-case name the truth file and {@code training_attack_types} use. */
    public String externalName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The category of an external name, or null. */
    public static TruthCategory ofExternalName(String name) {
        for (TruthCategory c : values()) {
            if (c.externalName().equals(name)) {
                return c;
            }
        }
        return null;
    }
}
