package gatewatch.features.kdd;

/** A value of a symbolic KDD feature, written under its KDD name. */
public sealed interface KddSymbol permits ProtocolType, Service, KddFlag {
    /** The spelling in {@code kddcup.data}. */
    String kddName();
}
