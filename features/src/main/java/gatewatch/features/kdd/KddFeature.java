package gatewatch.features.kdd;

/**
 * The 41 KDD Cup 1999 features, in {@code kddcup.names} order.
 *
 * <p>The ordinal is the column index in a {@code kddcup.data} row and in {@link KddRecord}.
 * Symbolic features carry their symbol table so that a value can be stored as a code (the
 * symbol's ordinal) and written back as its name.
 */
public enum KddFeature {
    DURATION("duration", Group.BASIC),
    PROTOCOL_TYPE("protocol_type", Group.BASIC, ProtocolType.class),
    SERVICE("service", Group.BASIC, Service.class),
    FLAG("flag", Group.BASIC, KddFlag.class),
    SRC_BYTES("src_bytes", Group.BASIC),
    DST_BYTES("dst_bytes", Group.BASIC),
    LAND("land", Group.BASIC),
    WRONG_FRAGMENT("wrong_fragment", Group.BASIC),
    URGENT("urgent", Group.BASIC),
    HOT("hot", Group.CONTENT),
    NUM_FAILED_LOGINS("num_failed_logins", Group.CONTENT),
    LOGGED_IN("logged_in", Group.CONTENT),
    NUM_COMPROMISED("num_compromised", Group.CONTENT),
    ROOT_SHELL("root_shell", Group.CONTENT),
    SU_ATTEMPTED("su_attempted", Group.CONTENT),
    NUM_ROOT("num_root", Group.CONTENT),
    NUM_FILE_CREATIONS("num_file_creations", Group.CONTENT),
    NUM_SHELLS("num_shells", Group.CONTENT),
    NUM_ACCESS_FILES("num_access_files", Group.CONTENT),
    NUM_OUTBOUND_CMDS("num_outbound_cmds", Group.CONTENT),
    IS_HOST_LOGIN("is_host_login", Group.CONTENT),
    IS_GUEST_LOGIN("is_guest_login", Group.CONTENT),
    COUNT("count", Group.TIME_WINDOW),
    SRV_COUNT("srv_count", Group.TIME_WINDOW),
    SERROR_RATE("serror_rate", Group.TIME_WINDOW),
    SRV_SERROR_RATE("srv_serror_rate", Group.TIME_WINDOW),
    RERROR_RATE("rerror_rate", Group.TIME_WINDOW),
    SRV_RERROR_RATE("srv_rerror_rate", Group.TIME_WINDOW),
    SAME_SRV_RATE("same_srv_rate", Group.TIME_WINDOW),
    DIFF_SRV_RATE("diff_srv_rate", Group.TIME_WINDOW),
    SRV_DIFF_HOST_RATE("srv_diff_host_rate", Group.TIME_WINDOW),
    DST_HOST_COUNT("dst_host_count", Group.HOST_WINDOW),
    DST_HOST_SRV_COUNT("dst_host_srv_count", Group.HOST_WINDOW),
    DST_HOST_SAME_SRV_RATE("dst_host_same_srv_rate", Group.HOST_WINDOW),
    DST_HOST_DIFF_SRV_RATE("dst_host_diff_srv_rate", Group.HOST_WINDOW),
    DST_HOST_SAME_SRC_PORT_RATE("dst_host_same_src_port_rate", Group.HOST_WINDOW),
    DST_HOST_SRV_DIFF_HOST_RATE("dst_host_srv_diff_host_rate", Group.HOST_WINDOW),
    DST_HOST_SERROR_RATE("dst_host_serror_rate", Group.HOST_WINDOW),
    DST_HOST_SRV_SERROR_RATE("dst_host_srv_serror_rate", Group.HOST_WINDOW),
    DST_HOST_RERROR_RATE("dst_host_rerror_rate", Group.HOST_WINDOW),
    DST_HOST_SRV_RERROR_RATE("dst_host_srv_rerror_rate", Group.HOST_WINDOW);

    /** The four groups of the KDD Cup task description. */
    public enum Group { BASIC, CONTENT, TIME_WINDOW, HOST_WINDOW }

    private final String kddName;
    private final Group group;
    private final Class<? extends Enum<? extends KddSymbol>> symbols;

    KddFeature(String kddName, Group group) {
        this(kddName, group, null);
    }

    KddFeature(String kddName, Group group, Class<? extends Enum<? extends KddSymbol>> symbols) {
        this.kddName = kddName;
        this.group = group;
        this.symbols = symbols;
    }

    /** The name in {@code kddcup.names}. */
    public String kddName() {
        return kddName;
    }

    public Group group() {
        return group;
    }

    /** True for protocol_type, service and flag, whose values are symbol codes. */
    public boolean isSymbolic() {
        return symbols != null;
    }

    /** The symbol names of a symbolic feature, indexed by code; empty for a numeric one. */
    public java.util.List<String> symbolNames() {
        if (symbols == null) {
            return java.util.List.of();
        }
        return java.util.Arrays.stream(symbols.getEnumConstants())
                .map(s -> ((KddSymbol) s).kddName())
                .toList();
    }

    /** Column count of a {@code kddcup.data} row without its label. */
    public static final int COUNT_OF_FEATURES = 41;
}
