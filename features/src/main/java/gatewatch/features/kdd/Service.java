package gatewatch.features.kdd;

/**
 * KDD {@code service}: the 70 service names of KDD'99 (and NSL-KDD), plus two spellings that
 * only occur elsewhere.
 *
 * <p>The enum holds names only. Which port, protocol or ICMP type maps to which service is
 * decided in one place, {@link ServiceTable}. Codes (ordinals) are part of the model-file schema:
 * append new constants at the end, never reorder.
 */
public enum Service implements KddSymbol {
    AUTH("auth"),
    BGP("bgp"),
    COURIER("courier"),
    CSNET_NS("csnet_ns"),
    CTF("ctf"),
    DAYTIME("daytime"),
    DISCARD("discard"),
    DOMAIN("domain"),
    DOMAIN_U("domain_u"),
    ECHO("echo"),
    ECO_I("eco_i"),
    ECR_I("ecr_i"),
    EFS("efs"),
    EXEC("exec"),
    FINGER("finger"),
    FTP("ftp"),
    FTP_DATA("ftp_data"),
    GOPHER("gopher"),
    HARVEST("harvest"),
    HOSTNAMES("hostnames"),
    HTTP("http"),
    HTTP_2784("http_2784"),
    HTTP_443("http_443"),
    HTTP_8001("http_8001"),
    IMAP4("imap4"),
    IRC("IRC"),
    ISO_TSAP("iso_tsap"),
    KLOGIN("klogin"),
    KSHELL("kshell"),
    LDAP("ldap"),
    LINK("link"),
    LOGIN("login"),
    MTP("mtp"),
    NAME("name"),
    NETBIOS_DGM("netbios_dgm"),
    NETBIOS_NS("netbios_ns"),
    NETBIOS_SSN("netbios_ssn"),
    NETSTAT("netstat"),
    NNSP("nnsp"),
    NNTP("nntp"),
    NTP_U("ntp_u"),
    OTHER("other"),
    PM_DUMP("pm_dump"),
    POP_2("pop_2"),
    POP_3("pop_3"),
    PRINTER("printer"),
    PRIVATE("private"),
    RED_I("red_i"),
    REMOTE_JOB("remote_job"),
    RJE("rje"),
    SHELL("shell"),
    SMTP("smtp"),
    SQL_NET("sql_net"),
    SSH("ssh"),
    SUNRPC("sunrpc"),
    SUPDUP("supdup"),
    SYSTAT("systat"),
    TELNET("telnet"),
    TFTP_U("tftp_u"),
    TIM_I("tim_i"),
    TIME("time"),
    URH_I("urh_i"),
    URP_I("urp_i"),
    UUCP("uucp"),
    UUCP_PATH("uucp_path"),
    VMNET("vmnet"),
    WHOIS("whois"),
    X11("X11"),
    Z39_50("Z39_50"),
    AOL("aol"),
    /** ICMP messages of a type KDD names no service for. Named in the KDD literature, absent from the files. */
    OTH_I("oth_i"),
    /** Occurs twice in {@code corrected} (on TCP rows); read so those rows load, never produced. */
    ICMP("icmp");

    private final String kddName;

    Service(String kddName) {
        this.kddName = kddName;
    }

    @Override
    public String kddName() {
        return kddName;
    }

    public static Service ofKddName(String name) {
        for (Service s : values()) {
            if (s.kddName.equals(name)) {
                return s;
            }
        }
        return null;
    }
}
