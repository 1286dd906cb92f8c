package gatewatch.features.content;

import java.util.List;

/** POP3 (RFC 1939), IMAP (RFC 3501) and SMTP (RFC 5321, AUTH RFC 4954): logins and replies. */
final class MailRules {
    /** OTHER has no rule: any command not listed. */
    enum Pop3Command { USER, PASS, APOP, AUTH, STLS, MULTILINE, OTHER }

    static final List<Rule<Pop3Command>> POP3_COMMANDS = List.of(
            Rule.of(Pop3Command.USER, "^USER\\s", "RFC 1939: USER name"),
            Rule.of(Pop3Command.PASS, "^PASS(?:\\s|$)", "RFC 1939: PASS string; +OK = logged in, -ERR = failed"),
            Rule.of(Pop3Command.APOP, "^APOP\\s", "RFC 1939: APOP name digest; +OK / -ERR as PASS"),
            Rule.of(Pop3Command.AUTH, "^AUTH\\s", "RFC 5034: AUTH mechanism; +OK / -ERR at its end"),
            Rule.of(Pop3Command.STLS, "^STLS\\s*$", "RFC 2595: STLS; after +OK the stream is encrypted"),
            Rule.of(Pop3Command.MULTILINE, "^(?:RETR|TOP|CAPA)\\b|^(?:LIST|UIDL)\\s*$",
                    "RFC 1939, 2449: a +OK to these is followed by lines up to a lone '.' (not replies)"));

    enum Pop3Reply { OK, ERR }

    static final List<Rule<Pop3Reply>> POP3_REPLIES = List.of(
            Rule.exact(Pop3Reply.OK, "^\\+OK", "RFC 1939: positive status indicator"),
            Rule.exact(Pop3Reply.ERR, "^-ERR", "RFC 1939: negative status indicator"));

    enum ImapCommand { LOGIN, AUTHENTICATE, STARTTLS }

    static final List<Rule<ImapCommand>> IMAP_COMMANDS = List.of(
            Rule.of(ImapCommand.LOGIN, "^\\S+\\s+LOGIN\\s", "RFC 3501 6.2.3: tag LOGIN user password"),
            Rule.of(ImapCommand.AUTHENTICATE, "^\\S+\\s+AUTHENTICATE\\s", "RFC 3501 6.2.2: tag AUTHENTICATE mechanism"),
            Rule.of(ImapCommand.STARTTLS, "^\\S+\\s+STARTTLS\\s*$", "RFC 3501 6.2.1: tag STARTTLS"));

    enum ImapReply { OK, NO, PREAUTH }

    static final List<Rule<ImapReply>> IMAP_REPLIES = List.of(
            Rule.of(ImapReply.OK, "^\\S+\\s+OK\\b", "RFC 3501 7.1.1: tagged OK = the login succeeded"),
            Rule.of(ImapReply.NO, "^\\S+\\s+NO\\b", "RFC 3501 7.1.2: tagged NO = the login failed"),
            Rule.of(ImapReply.PREAUTH, "^\\*\\s+PREAUTH\\b", "RFC 3501 7.1.4: greeting of an already authenticated session"));

    /** OTHER has no rule: any command not listed. */
    enum SmtpCommand { HELLO, AUTH, DATA, STARTTLS, OTHER }

    static final List<Rule<SmtpCommand>> SMTP_COMMANDS = List.of(
            Rule.of(SmtpCommand.HELLO, "^(?:HELO|EHLO)\\b", "RFC 5321 4.1.1.1: the session opens"),
            Rule.of(SmtpCommand.AUTH, "^AUTH\\s", "RFC 4954: AUTH mechanism; 235 = logged in, 535 = failed"),
            Rule.of(SmtpCommand.DATA, "^DATA\\s*$", "RFC 5321 4.1.1.4: the message follows 354, up to a lone '.'"),
            Rule.of(SmtpCommand.STARTTLS, "^STARTTLS\\s*$", "RFC 3207: after 220 the stream is encrypted"));

    /** Rules on MAIL FROM / RCPT TO: the envelope addresses. */
    static final List<Rule<Effect>> SMTP_ENVELOPE = List.of(
            Rule.of(Effect.HOT, "^(?:MAIL FROM|RCPT TO)\\s*:.*\\|",
                    "DARPA sendmail attack and the old 'decode' alias hole: mail piped into a program"),
            Rule.of(Effect.ACCESS_FILE, "^(?:MAIL FROM|RCPT TO)\\s*:.*(?:/etc/passwd|/etc/shadow|\\.rhosts|\\.forward|hosts\\.equiv)",
                    "KDD num_access_files: mail addressed to an access control file"),
            Rule.of(Effect.FILE_CREATION, "^RCPT TO\\s*:\\s*<?\\s*/",
                    "RFC 5321 leaves local delivery to the server: a path as recipient writes a file"));

    private MailRules() {
    }
}
