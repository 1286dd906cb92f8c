package gatewatch.features.content;

import gatewatch.features.kdd.Service;
import gatewatch.features.kdd.ServiceTable;

/** The dialogue that reads each inspected service; every other service gets zeros. */
enum DialogueKind {
    TELNET, RLOGIN, RSH, REXEC, FTP, POP3, IMAP, SMTP, HTTP, SSH;

    /** The dialogue of {@code s}, or null when the service is not inspected. */
    static DialogueKind of(Service s) {
        if (s == null) {
            return null;
        }
        if (ServiceTable.isHttp(s)) {
            // http_443 is usually TLS: the text check then reports it unrecognised (zeros).
            return HTTP;
        }
        return switch (s) {
            case TELNET -> TELNET;
            case LOGIN -> RLOGIN;
            case SHELL -> RSH;
            case EXEC -> REXEC;
            case FTP -> FTP;
            case POP_3 -> POP3;
            case IMAP4 -> IMAP;
            case SMTP -> SMTP;
            // Encrypted: only the sizes of its messages are read (SshDialogue).
            case SSH -> SSH;
            default -> null;
        };
    }
}
