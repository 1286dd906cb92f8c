package gatewatch.features.content;

import java.util.List;

/**
 * What commands typed into a Unix shell, and the shell's output, count for. Used by telnet,
 * rlogin (after login) and rsh/rexec (their one command).
 */
final class ShellRules {
    /** Separates commands on a line: start, or after ; & | ( or backquote. */
    private static final String CMD = "(?:^|[;&|(`]\\s*)(?:exec\\s+|nohup\\s+)?";
    private static final String BIN = "(?:/usr/local/bin/|/usr/bin/|/bin/|/sbin/|/usr/sbin/)?";

    /**
     * Rules on each command line the client types (after login). Each has the literals every match
     * must contain as a prefilter: without them these ten expressions run on every typed line,
     * a large share of the capture thread's time on telnet-heavy traffic.
     */
    static final List<Rule<Effect>> COMMANDS = List.of(
            Rule.of(Effect.HOT, CMD + "cd\\s+/(?:etc|dev|bin|sbin|lib|boot|kernel|usr/(?:s?bin|lib|include)|var/(?:adm|log|spool))(?:/|\\s|$)",
                    "KDD task description: hot indicators include 'entering a system directory'")
                    .requiring("cd"),
            Rule.of(Effect.HOT, CMD + BIN + "(?:gcc|cc|g\\+\\+|c\\+\\+|make|as|ld)\\s",
                    "KDD task description: 'creating programs' (compiling)")
                    .requiring("cc", "g++", "c++", "make", "as", "ld"),
            Rule.of(Effect.HOT, CMD + "\\.{1,2}/[^\\s/]",
                    "KDD task description: 'executing programs' (from the working directory, e.g. a just-built exploit)")
                    .requiring("./"),
            Rule.of(Effect.HOT, "loadmodule|ffbconfig|\\beject\\b|\\bformat\\b.*-s|rewt|eggdrop|(?:shell|xploit)_?code|execshell|unset\\s+(?:histfile|history)",
                    "DARPA 1998/99 U2R attack programs (loadmodule, ffbconfig, eject, format) and Bro login.bro input_trouble")
                    .requiring("loadmodule", "ffbconfig", "eject", "format", "rewt", "eggdrop", "code", "execshell", "unset"),
            Rule.of(Effect.SU_ATTEMPT, CMD + BIN + "su(?:\\s|$)",
                    "KDD su_attempted: 'su root' command attempted (any su: root is its default target)")
                    .requiring("su"),
            Rule.of(Effect.SHELL, CMD + BIN + "(?:sh|csh|tcsh|bash|ksh|zsh)(?:\\s|$)",
                    "KDD num_shells: a shell started from the session")
                    .requiring("sh"),
            Rule.of(Effect.FILE_CREATION, "(?:^|[^>&0-9<])>{1,2}\\s*[^\\s&>|]",
                    "KDD num_file_creations: output redirected into a file")
                    .requiring(">"),
            Rule.of(Effect.FILE_CREATION, CMD + BIN + "(?:touch|mkdir|cp|mknod|mkfifo|ln|uudecode|tee)\\s",
                    "KDD num_file_creations: commands whose job is to make a file")
                    .requiring("touch", "mkdir", "cp", "mknod", "mkfifo", "ln", "uudecode", "tee"),
            Rule.of(Effect.ACCESS_FILE, "/etc/(?:passwd|shadow|master\\.passwd|group|hosts\\.equiv|inetd\\.conf|sudoers)|\\.rhosts|\\.shosts|\\.netrc",
                    "KDD num_access_files: operations on access control files (/etc/passwd, .rhosts, ...)")
                    .requiring("/etc/", ".rhosts", ".shosts", ".netrc"),
            Rule.of(Effect.ACCESS_FILE, CMD + BIN + "(?:passwd|chsh|chfn|vipw)(?:\\s|$)",
                    "KDD num_access_files: commands that rewrite /etc/passwd")
                    .requiring("passwd", "chsh", "chfn", "vipw"));

    /** Rules on each line of the shell's output (server to client). */
    static final List<Rule<Effect>> OUTPUT = List.of(
            Rule.of(Effect.COMPROMISED, "not found",
                    "KDD task description: compromised conditions include 'not found' errors")
                    .requiring("not found"),
            Rule.exact(Effect.COMPROMISED, "Jumping to address|Jumping Address",
                    "KDD task description: 'Jumping to address' (exploit output); Bro login.bro output_trouble")
                    .requiring("jumping"),
            Rule.of(Effect.COMPROMISED, "segmentation fault|core dumped|illegal instruction",
                    "a crashed program: what a failed buffer overflow leaves (KDD buffer_overflow rows carry num_compromised 1-4)")
                    .requiring("segmentation fault", "core dumped", "illegal instruction"),
            Rule.exact(Effect.ROOT_SHELL, "uid=0\\(",
                    "id(1) output of a root process")
                    .requiring("uid=0("),
            Rule.exact(Effect.HOT, "^-r.s.*root.*/bin/(?:sh|csh|tcsh|bash|ksh)|Trojaning in progress|smashdu\\.c|PATH_UTMP",
                    "Bro login.bro output_trouble: a setuid-root shell, rootkit output")
                    .requiring("root", "trojaning", "smashdu", "path_utmp"));

    /** Prompts: an unterminated server line of non-space characters ending in the prompt sign. */
    enum Prompt { USER, ROOT }

    static final List<Rule<Prompt>> PROMPTS = List.of(
            Rule.exact(Prompt.ROOT, "^[!-~]{0,40} ?# ?$",
                    "Bro login.bro backdoor_prompts; '#' is the root prompt of sh, csh and bash"),
            Rule.exact(Prompt.USER, "^[!-~]{0,40} ?[$%>] ?$",
                    "Bro login.bro backdoor_prompts: '$', '%', '>' end a user's shell prompt"));

    private ShellRules() {
    }
}
