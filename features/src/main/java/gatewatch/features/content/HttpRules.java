package gatewatch.features.content;

import java.util.List;

/** HTTP requests (RFC 9112 request line, RFC 9110 authentication): hot URIs and logins. */
final class HttpRules {
    enum Line { REQUEST, AUTHORIZATION, STATUS, AUTH_REJECTED }

    /** A log4j lookup that names JNDI, or hides its name in nested lookups and defaults ({@code ${${lower:j}ndi:}, {@code ${::-j}}). */
    private static final String LOOKUP = "\\$\\{[^}]{0,64}?(?:jndi:|\\$\\{|:-|lower:|upper:)";

    static final List<Rule<Line>> LINES = List.of(
            Rule.exact(Line.REQUEST, "^[A-Z]{3,10} \\S+ HTTP/\\d", "RFC 9112 3: method SP request-target SP HTTP-version"),
            Rule.of(Line.AUTHORIZATION, "^(?:Proxy-)?Authorization\\s*:", "RFC 9110 11.6.2 / 11.7.2: credentials sent"),
            Rule.exact(Line.STATUS, "^HTTP/\\d(?:\\.\\d)? \\d{3}", "RFC 9112 4: status line"),
            Rule.exact(Line.AUTH_REJECTED, "^HTTP/\\d(?:\\.\\d)? 40[17]\\b", "RFC 9110 15.5.2 / 15.5.8: 401, 407 = credentials refused"));

    /**
     * Rules on a request line whose target is percent-decoded, each with the literals every match
     * contains as a prefilter: most requests contain none of them, so the expressions, a large
     * share of the capture thread's time when they ran on every request, run on almost none.
     */
    static final List<Rule<Effect>> REQUEST = List.of(
            Rule.of(Effect.HOT, "/cgi-bin/(?:phf|test-cgi|nph-test-cgi|php\\.cgi|campas|aglimpse|htmlscript|websendmail|faxsurvey|handler|view-source)\\b",
                    "DARPA phf attack; the vulnerable CGI programs of 1998 (CERT CA-96.06 and after)")
                    .requiring("/cgi-bin/"),
            Rule.of(Effect.HOT, "(?:^|[/\\\\ ])\\.\\.(?:[/\\\\ ]|$)",
                    "directory traversal out of the document root")
                    .requiring(".."),
            Rule.of(Effect.HOT, "/{32,}",
                    "DARPA back attack: a request of hundreds of slashes (KDD back rows have hot 2)")
                    .requiring("/".repeat(32)),
            Rule.of(Effect.ACCESS_FILE, "/etc/(?:passwd|shadow|master\\.passwd|group|hosts\\.equiv)|\\.rhosts|\\.htpasswd|\\.htaccess",
                    "KDD num_access_files (KDD phf rows have num_access_files 1)")
                    .requiring("/etc/", ".rhosts", ".htpasswd", ".htaccess"),
            Rule.of(Effect.SHELL, "/bin/(?:sh|csh|tcsh|bash|ksh)\\b",
                    "a shell named in a request: the payload of CGI command injection")
                    .requiring("/bin/"),
            // The web attacks of today (OWASP Top 10 A03 injection), counted as KDD counts the
            // phf request: a hot indicator each. '+' stands for a space in a query string.
            Rule.of(Effect.HOT, "union[\\s+(/*]+(?:all[\\s+(/*]+)?select\\b",
                    "SQL injection: a UNION SELECT appended to a parameter")
                    .requiring("union"),
            Rule.of(Effect.HOT, "'[\\s+)]*(?:or|and)[\\s+(]+['\"]?\\w+['\"]?[\\s+]*(?:=|like\\b)|\\b(?:and|or)[\\s+]+(\\d+)[\\s+]*=[\\s+]*\\1\\b",
                    "SQL injection: an always-true condition, after a quote closing a string (' OR '1'='1) or numeric (AND 1044=1044, sqlmap's boolean tests)")
                    .requiring("'", "="),
            Rule.of(Effect.HOT, "'[\\s+)]*(?:--|#)|order[\\s+]+by[\\s+]+\\d+[\\s+]*(?:--|#)",
                    "SQL injection: a quote or ORDER BY n, then a comment that cuts off the rest of the query")
                    .requiring("'", "order"),
            Rule.of(Effect.HOT, "\\b(?:sleep|benchmark|pg_sleep)[\\s+]*\\(|waitfor[\\s+]+delay\\b",
                    "SQL injection, blind: a query made to wait")
                    .requiring("sleep", "benchmark", "waitfor"),
            Rule.of(Effect.HOT, "information_schema|sqlite_master|xp_cmdshell|\\bsys\\.(?:tables|objects)\\b",
                    "SQL injection: the database's own catalogue or shell procedure named in a request")
                    .requiring("information_schema", "sqlite_master", "xp_cmdshell", "sys."),
            Rule.of(Effect.HOT, "(?:[;|`]|&&|\\$\\()[\\s+]*(?:id|whoami|uname|cat|ls|wget|curl|nc|ncat|bash|sh|ping|echo|sleep|nslookup|ifconfig|pwd)\\b",
                    "OS command injection: a shell separator, then a command (;id, |cat, $(whoami))")
                    .requiring(";", "|", "`", "&&", "$("),
            Rule.of(Effect.HOT, "<script\\b|javascript:|\\bon(?:error|load|mouseover)[\\s+]*=",
                    "cross-site scripting: a script or an event handler in a parameter")
                    .requiring("<script", "javascript:", "onerror", "onload", "onmouseover"),
            Rule.of(Effect.HOT, LOOKUP,
                    "Log4Shell (CVE-2021-44228): a log4j lookup (jndi, or nested and default-value lookups that hide it) in the request")
                    .requiring("${"),
            Rule.of(Effect.HOT, "(?:php|expect|phar|zip|file)://|/proc/self/(?:environ|cmdline|fd/)",
                    "file inclusion: a PHP stream wrapper, a file: URL or the process's own files named in a request")
                    .requiring("://", "/proc/self/"));

    /**
     * Rules on each header line of a request, which attacks on what servers do with headers
     * (log them, pass them to CGI programs as environment variables) put their payload in: the
     * User-Agent, Referer or X-Api-Version of Log4Shell scanners, the User-Agent of Shellshock's.
     */
    static final List<Rule<Effect>> HEADER = List.of(
            Rule.of(Effect.HOT, LOOKUP, "Log4Shell (CVE-2021-44228): a log4j lookup in a header")
                    .requiring("${"),
            Rule.of(Effect.HOT, "^[^:]+:\\s*\\(\\)\\s*\\{",
                    "Shellshock (CVE-2014-6271): a header value that begins as a bash function definition, which bash imports from the environment")
                    .requiring("()"));

    private HttpRules() {
    }
}
