package gatewatch.detector.model;

/**
 * What a verdict says a connection is: one of the five KDD Cup 1999 categories, or
 * {@link #ANOMALY} when no supervised class explains it but it is unlike the normal traffic
 * the baseline was fitted on. {@link #MITM} is not a verdict of the model: it is the category of
 * the sensor's link-layer alerts (ARP poisoning), which have no connection and no features.
 */
public enum Category {
    NORMAL("normal"),
    DOS("dos"),
    PROBE("probe"),
    R2L("r2l"),
    U2R("u2r"),
    ANOMALY("anomaly"),
    /** A man in the middle on the link: ARP cache poisoning (not a connection's verdict). */
    MITM("mitm");

    /** The five categories of the KDD labels, in {@link #ordinal()} order (ANOMALY and MITM are not). */
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
        return ordinal() < KDD_COUNT;
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
