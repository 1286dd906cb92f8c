package gatewatch.features.content;

/**
 * Every rules table, made ready to run (one set per inspector: matchers are reused, not shared
 * between threads).
 */
final class Rules {
    final RuleMatcher<Effect> shellCommands = new RuleMatcher<>(ShellRules.COMMANDS);
    final RuleMatcher<Effect> shellOutput = new RuleMatcher<>(ShellRules.OUTPUT);
    final RuleMatcher<ShellRules.Prompt> prompts = new RuleMatcher<>(ShellRules.PROMPTS);
    final RuleMatcher<LoginRules.Event> login = new RuleMatcher<>(LoginRules.SERVER);
    final RuleMatcher<Effect> ftpCommands = new RuleMatcher<>(FtpRules.COMMANDS);
    final RuleMatcher<Effect> ftpGuestCommands = new RuleMatcher<>(FtpRules.GUEST_COMMANDS);
    final RuleMatcher<FtpRules.Reply> ftpReplies = new RuleMatcher<>(FtpRules.REPLIES);
    final RuleMatcher<MailRules.Pop3Command> pop3Commands = new RuleMatcher<>(MailRules.POP3_COMMANDS);
    final RuleMatcher<MailRules.Pop3Reply> pop3Replies = new RuleMatcher<>(MailRules.POP3_REPLIES);
    final RuleMatcher<MailRules.ImapCommand> imapCommands = new RuleMatcher<>(MailRules.IMAP_COMMANDS);
    final RuleMatcher<MailRules.ImapReply> imapReplies = new RuleMatcher<>(MailRules.IMAP_REPLIES);
    final RuleMatcher<MailRules.SmtpCommand> smtpCommands = new RuleMatcher<>(MailRules.SMTP_COMMANDS);
    final RuleMatcher<Effect> smtpEnvelope = new RuleMatcher<>(MailRules.SMTP_ENVELOPE);
    final RuleMatcher<HttpRules.Line> httpLines = new RuleMatcher<>(HttpRules.LINES);
    final RuleMatcher<Effect> httpRequest = new RuleMatcher<>(HttpRules.REQUEST);
    final RuleMatcher<Effect> httpHeader = new RuleMatcher<>(HttpRules.HEADER);
}
