package gatewatch.detector.model;

/**
 * What a verdict says a connection is: one of the five KDD Cup 1999 categories, or
 * {@link #ANOMALY} when no supervised class explains it but it is unlike the normal traffic
 * the baseline was fitted on.
 */
public enum Category {
    NORMAL("normal"),
    DOS("dos"),
    PROBE("probe"),
    R2L("r2l"),
    U2R("u2r"),
    ANOMALY("anomaly");

    /** The five categories of the KDD labels, in {@link #ordinal()} order (ANOMALY is not one). */
    public static final int KDD_COUNT = 5;

    private final String externalName;

    Category(String externalName) {
        this.externalName = externalName;
    }

    /** The lower-case name used in alerts, JSON and the attack-type files. */
    public String externalName() {
        return externalName;
    }

    /** True for the five KDD categories. */
    public boolean isKdd() {
        return this != ANOMALY;
    }

    /** The category of an external name, or null. */
    public static Category ofExternalName(String name) {
        for (Category c : values()) {
            if (c.externalName.equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** The KDD category with this ordinal (0..4). */
    public static Category kdd(int ordinal) {
        if (ordinal < 0 || ordinal >= KDD_COUNT) {
            throw new IllegalArgumentException("not a KDD category index: " + ordinal);
        }
        return values()[ordinal];
    }

    @Override
    public String toString() {
        return externalName;
    }
}
