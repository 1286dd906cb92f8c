package gatewatch.sensor.lab.scenario;

/** Tools more than one scenario uses. A scenario may also declare its own with {@link Tool#of}. */
public final class Tools {
    public static final Tool IP = Tool.of("ip", "iproute2", "-V");
    public static final Tool TCPDUMP = Tool.of("tcpdump", "tcpdump", "--version");
    public static final Tool SS = Tool.of("ss", "iproute2", "-V");
    public static final Tool OPENSSL = Tool.of("openssl", "openssl", "version");
    public static final Tool NGINX = Tool.of("nginx", "nginx-light", "-v");
    public static final Tool CURL = Tool.of("curl", "curl", "-V");
    /** Debian's own interpreter, not a pyenv or venv one: the scenario scripts use only the standard library or Debian's python3-* packages. */
    public static final Tool PYTHON = Tool.of("/usr/bin/python3", "python3", "--version");
    /** Debian's scapy; the scripts run with Debian's /usr/bin/python3, which imports it. */
    public static final Tool SCAPY = Tool.of("/usr/bin/scapy", "python3-scapy");
    public static final Tool NMAP = Tool.of("nmap", "nmap", "--version");
    public static final Tool SSHD = Tool.of("/usr/sbin/sshd", "openssh-server", "-V");
    public static final Tool SSH_KEYGEN = Tool.of("ssh-keygen", "openssh-client");
    public static final Tool HYDRA = Tool.of("hydra", "hydra", "-h");

    private Tools() {
    }
}
