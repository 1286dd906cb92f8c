package gatewatch.sensor.lab.scenario.attack;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.sensor.lab.scenario.Scenarios;
import gatewatch.sensor.lab.service.VulnWebApp;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What r2l-sql-injection-forms sends, checked without running it: sqlmap's target and the hand-typed requests. */
class R2lSqlInjectionFormsTest {
    private static final String BASE = "http://10.77.2.2";

    @Test
    void sqlmapPostsToTheLoginFormWithAValidAccountAndOneParameter() {
        List<String> c = R2lSqlInjectionForms.sqlmap("/usr/bin/sqlmap", BASE, Path.of("/w"), "pass", Path.of("/w/t.txt"),
                List.of("--technique=T", "--level=3"));
        assertThat(c).startsWith("/usr/bin/sqlmap", "-u", BASE + "/login.php")
                .containsSubsequence("--data", "user=" + VulnWebApp.CUSTOMER2 + "&pass=" + VulnWebApp.CUSTOMER2_PASSWORD)
                .containsSubsequence("-p", "pass").containsSubsequence("-t", "/w/t.txt")
                .contains("--output-dir=/w/sqlmap-pass", "--batch", "--disable-precon").endsWith("--technique=T", "--level=3");
    }

    @Test
    void theLoginFormBuildsItsQueryFromBothFieldsUnescaped() throws Exception {
        String page = new String(VulnWebApp.class.getResourceAsStream("/gatewatch/sensor/lab/templates/webapp/login.php")
                .readAllBytes(), StandardCharsets.UTF_8);
        // What both sqlmap runs rely on: the user and the password go into the SQL as typed.
        assertThat(page).contains("WHERE name = '$user' AND password = '$pass'").contains("$_POST['user']", "$_POST['pass']");
    }

    @Test
    void everyHandTypedRequestInjectsAndIsSentAsTyped() {
        for (R2lSqlInjectionForms.Probe p : R2lSqlInjectionForms.PROBES) {
            String decoded = p.preEncoded() ? URLDecoder.decode(p.value(), StandardCharsets.UTF_8) : p.value();
            String all = decoded + (p.password() == null ? "" : p.password());
            // A quote, or (double-encoded) the encoding of one that the application decodes only once.
            assertThat(all).as(p.toString()).containsAnyOf("'", "%27");
        }
        R2lSqlInjectionForms.Probe encoded = R2lSqlInjectionForms.Probe.search("%27%20OR%20%271%27%3D%271", true);
        assertThat(encoded.curlArgs(BASE)).containsExactly("-sS", BASE + "/search.php?q=%27%20OR%20%271%27%3D%271");
        assertThat(R2lSqlInjectionForms.Probe.search("' OR 1=1--", false).curlArgs(BASE))
                .containsExactly("-sS", "-G", "--data-urlencode", "q=' OR 1=1--", BASE + "/search.php");
        assertThat(R2lSqlInjectionForms.Probe.login("admin'--", "x").curlArgs(BASE))
                .containsExactly("-sS", "--data-urlencode", "user=admin'--", "--data-urlencode", "pass=x", BASE + "/login.php");
        // Both GET and POST entry points, and the encodings, are tried.
        assertThat(R2lSqlInjectionForms.PROBES).anyMatch(R2lSqlInjectionForms.Probe::login).anyMatch(p -> !p.login())
                .anyMatch(p -> p.value().contains("%2527")).anyMatch(p -> p.value().contains("ORDER BY"))
                .anyMatch(p -> p.value().contains("UNION")).anyMatch(p -> p.value().contains("/**/"));
    }

    @Test
    void itIsRegisteredAsSqlInjection() {
        assertThat(Scenarios.byName("r2l-sql-injection-forms").summary()).startsWith("r2l/sql_injection:");
    }
}
