package gatewatch.features.content;

import java.util.List;

/** FTP control connection (RFC 959): what commands and replies count for. */
final class FtpRules {
    private static final String ACCESS_FILES = "(?:passwd|shadow|master\\.passwd|\\.rhosts|\\.shosts|\\.netrc|hosts\\.equiv|\\.forward)";

    /** Rules on each command of a logged-in user. */
    static final List<Rule<Effect>> COMMANDS = List.of(
            Rule.of(Effect.FILE_CREATION, "^(?:STOR|STOU|APPE|MKD|XMKD)\\b",
                    "RFC 959: STOR, STOU, APPE create files, MKD a directory (KDD warezmaster uploads: num_file_creations up to 21)"),
            Rule.of(Effect.ACCESS_FILE, "^[A-Z]{3,4}\\s+.*" + ACCESS_FILES,
                    "KDD num_access_files; Bro ftp.bro hot_files (passwd, shadow, .rhosts)"),
            Rule.of(Effect.HOT, "^SITE\\s+EXEC\\b",
                    "Bro ftp.bro ftp_hot_cmds: SITE EXEC runs a program on the server"));

    /**
     * Rules on each command of a guest (anonymous) user. In the KDD data every anonymous FTP
     * session has hot between 1 and 30, rising with the client's bytes by about one per 45 bytes:
     * one per file or directory command fits, one per command would be three times too many.
     */
    static final List<Rule<Effect>> GUEST_COMMANDS = List.of(
            Rule.of(Effect.HOT, "^(?:CWD|XCWD|CDUP|XCUP|RETR|STOR|STOU|APPE|LIST|NLST|MKD|XMKD|RMD|XRMD|DELE|RNFR|RNTO)\\b",
                    "calibrated on kddcup.data_10_percent: guest file and directory commands are 'hot'"),
            Rule.of(Effect.HOT, "^[A-Z]{3,4}\\s+.*(?:\\.rhosts|\\.forward)",
                    "Bro ftp.bro ftp_hot_guest_files; KDD ftp_write (guest STOR .rhosts) has hot 2"));

    enum Reply { LOGGED_IN, REJECTED, TLS_STARTED }

    /** Final reply lines ("ddd text"); multi-line replies' "ddd-" lines are skipped. */
    static final List<Rule<Reply>> REPLIES = List.of(
            Rule.exact(Reply.LOGGED_IN, "^230(?: |$)", "RFC 959: 230 User logged in"),
            Rule.exact(Reply.REJECTED, "^5\\d\\d(?: |$)",
                    "RFC 959: 530 Not logged in; Zeek detect-bruteforcing counts a 5xx reply to USER or PASS"),
            Rule.exact(Reply.TLS_STARTED, "^234(?: |$)", "RFC 4217: 234 AUTH TLS accepted, the rest is encrypted"));

    private FtpRules() {
    }
}
