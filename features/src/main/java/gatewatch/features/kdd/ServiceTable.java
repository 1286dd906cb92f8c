package gatewatch.features.kdd;

/**
 * The one place that maps a responder port (TCP, UDP) or an ICMP type/code to a KDD
 * {@link Service}.
 *
 * <p>Ports come from the IANA assignments that the 1998 DARPA services used; KDD names that
 * carry a port ({@code http_443}, {@code http_2784}, {@code http_8001}) take that port. A port
 * with no KDD name is {@code private} below 1024 and {@code other} from 1024 up, as the KDD data
 * shows: {@code neptune} floods every port from 1 to about 1024 (each named low service has
 * 92–197 of its rows, no service above 1024 has any) and 101,317 of its rows are
 * {@code private} against 91 {@code other} (one port's worth), which is what the 966 unnamed
 * ports below 1024 give; 1998's nmap (ports 1–1024 by default) has 99 TCP {@code private} rows
 * and no {@code other}. See docs/FEATURES.md.
 *
 * <p>{@code harvest} and {@code pm_dump} are never produced: no port assignment for them could be
 * established, and a guess would put normal traffic under a rare attack-laden name.
 */
public final class ServiceTable {
    private static final Service[] TCP = new Service[65536];
    private static final Service[] UDP = new Service[65536];
    /** Unnamed ports' service ({@code other} or {@code private}), looked up once per new connection. */
    private static final Service[] UNNAMED = new Service[65536];

    /**
     * Registered high ports where a server listens, for a service KDD has no name for: used only to
     * orient a connection picked up mid-stream ({@link #isLikelyServerPort}); their service is
     * {@code other} like every unnamed port from 1024 up.
     */
    private static final boolean[] REGISTERED_HIGH = new boolean[65536];
    private static final int[] REGISTERED_HIGH_PORTS = {
        1080, 1194, 1433, 1434, 1521, 1701, 1723, 1812, 1813, 1900, 2049, 2082, 2083, 2181, 2375, 2376,
        3128, 3268, 3306, 3389, 3478, 3690, 4369, 4500, 5000, 5060, 5061, 5222, 5223, 5269, 5353, 5355,
        5432, 5601, 5672, 5900, 5938, 5984, 6379, 6443, 6660, 6661, 6662, 6663, 6664, 6665, 6666, 6667,
        6668, 6669, 6697, 8000, 8008, 8080, 8081, 8086, 8088, 8443, 8883, 8888, 9000, 9042, 9090, 9092,
        9100, 9200, 9300, 9418, 11211, 27017,
    };

    static {
        tcp(Service.ECHO, 7);
        tcp(Service.DISCARD, 9);
        tcp(Service.SYSTAT, 11);
        tcp(Service.DAYTIME, 13);
        tcp(Service.NETSTAT, 15);
        tcp(Service.FTP_DATA, 20);
        tcp(Service.FTP, 21);
        tcp(Service.SSH, 22);
        tcp(Service.TELNET, 23);
        tcp(Service.SMTP, 25);
        tcp(Service.TIME, 37);
        tcp(Service.NAME, 42);
        tcp(Service.WHOIS, 43);
        tcp(Service.DOMAIN, 53);
        tcp(Service.MTP, 57);
        tcp(Service.GOPHER, 70);
        tcp(Service.REMOTE_JOB, 71, 72, 73, 74);
        tcp(Service.RJE, 5, 77);
        tcp(Service.FINGER, 79);
        tcp(Service.HTTP, 80);
        tcp(Service.CTF, 84);
        tcp(Service.LINK, 87);
        tcp(Service.SUPDUP, 95);
        tcp(Service.HOSTNAMES, 101);
        tcp(Service.ISO_TSAP, 102);
        tcp(Service.CSNET_NS, 105);
        tcp(Service.POP_2, 109);
        tcp(Service.POP_3, 110);
        tcp(Service.SUNRPC, 111);
        tcp(Service.AUTH, 113);
        tcp(Service.UUCP_PATH, 117);
        tcp(Service.NNTP, 119);
        tcp(Service.NETBIOS_NS, 137);
        tcp(Service.NETBIOS_DGM, 138);
        tcp(Service.NETBIOS_SSN, 139);
        tcp(Service.IMAP4, 143);
        tcp(Service.SQL_NET, 150);
        tcp(Service.VMNET, 175);
        tcp(Service.BGP, 179);
        // Not 194: neptune, which floods every port up to 1024, has no IRC row (and ~100 for each
        // other named low port), so the extractor knew IRC by 6667 alone.
        tcp(Service.IRC, 6667);
        tcp(Service.Z39_50, 210);
        tcp(Service.LDAP, 389);
        tcp(Service.NNSP, 433);
        tcp(Service.HTTP_443, 443);
        tcp(Service.EXEC, 512);
        tcp(Service.LOGIN, 513);
        tcp(Service.SHELL, 514);
        tcp(Service.PRINTER, 515);
        tcp(Service.EFS, 520);
        tcp(Service.COURIER, 530);
        tcp(Service.UUCP, 540);
        tcp(Service.KLOGIN, 543);
        tcp(Service.KSHELL, 544);
        tcp(Service.HTTP_2784, 2784);
        tcp(Service.AOL, 5190);
        tcp(Service.HTTP_8001, 8001);
        for (int p = 6000; p <= 6063; p++) {
            tcp(Service.X11, p);
        }
        for (int p = 0; p < UNNAMED.length; p++) {
            UNNAMED[p] = p < 1024 ? Service.PRIVATE : Service.OTHER;
        }
        for (int p : REGISTERED_HIGH_PORTS) {
            REGISTERED_HIGH[p] = true;
        }
        UDP[53] = Service.DOMAIN_U;
        UDP[69] = Service.TFTP_U;
        UDP[123] = Service.NTP_U;
    }

    private ServiceTable() {
    }

    private static void tcp(Service s, int... ports) {
        for (int p : ports) {
            TCP[p] = s;
        }
    }

    /** The service of a TCP connection to {@code port} on the responder. */
    public static Service tcp(int port) {
        Service s = TCP[port & 0xffff];
        return s != null ? s : unnamed(port);
    }

    /**
     * The service of a TCP connection from {@code origPort} to {@code respPort}: by the responder's
     * port, except that an active-mode FTP data connection — opened by the server from port 20 to
     * a port the client chose — is {@code ftp_data} (Bro/Zeek name ftp-data by that originator port).
     */
    public static Service tcp(int origPort, int respPort) {
        Service s = TCP[respPort & 0xffff];
        if (s != null) {
            return s;
        }
        return origPort == 20 ? Service.FTP_DATA : unnamed(respPort);
    }

    /**
     * Whether a TCP port is where a server listens, for orienting a connection picked up mid-stream
     * (Zeek's {@code likely_server_ports}): a port below 1024, a port with a KDD service name, or
     * a registered service port. Not 20: an active-mode FTP data connection is opened by the server
     * from port 20, so port 20 is the originator's.
     */
    public static boolean isLikelyServerPort(int port) {
        int p = port & 0xffff;
        if (p == 20) {
            return false;
        }
        return p < 1024 || TCP[p] != null || REGISTERED_HIGH[p];
    }

    /** Whether {@code s} is one of KDD's HTTP services ({@code http} and its ports 443, 8001, 2784). */
    public static boolean isHttp(Service s) {
        return s == Service.HTTP || s == Service.HTTP_443 || s == Service.HTTP_8001 || s == Service.HTTP_2784;
    }

    /** The service of a UDP flow to {@code port} on the responder. */
    public static Service udp(int port) {
        Service s = UDP[port & 0xffff];
        return s != null ? s : unnamed(port);
    }

    private static Service unnamed(int port) {
        return UNNAMED[port & 0xffff];
    }

    /**
     * The service of an ICMP (or ICMPv6) message. Echo request/reply are {@code eco_i}/{@code ecr_i};
     * port unreachable is {@code urp_i}, the other unreachable codes {@code urh_i}; redirect is
     * {@code red_i}; time exceeded and timestamp messages are {@code tim_i} (in the KDD data,
     * {@code tim_i} records carry ping-of-death bytes, i.e. reassembly time exceeded); the rest
     * {@code oth_i}.
     */
    public static Service icmp(int type, int code, boolean v6) {
        if (v6) {
            return switch (type) {
                case 128 -> Service.ECO_I;
                case 129 -> Service.ECR_I;
                case 1 -> code == 4 ? Service.URP_I : Service.URH_I;
                case 3 -> Service.TIM_I;
                case 137 -> Service.RED_I;
                default -> Service.OTH_I;
            };
        }
        return switch (type) {
            case 0 -> Service.ECR_I;
            case 8 -> Service.ECO_I;
            case 3 -> code == 3 ? Service.URP_I : Service.URH_I;
            case 5 -> Service.RED_I;
            case 11, 13, 14 -> Service.TIM_I;
            default -> Service.OTH_I;
        };
    }
}
