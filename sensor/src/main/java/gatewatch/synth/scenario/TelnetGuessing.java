package gatewatch.synth.scenario;

import gatewatch.synth.net.Network;
import gatewatch.synth.service.Draw;
import gatewatch.synth.service.Env;
import gatewatch.synth.service.TelnetExchange;
import gatewatch.synth.session.Link;
import gatewatch.synth.session.SessionSource;
import java.util.random.RandomGenerator;

/**
 * Password guessing over telnet (KDD {@code guess_passwd}): a script connects to the site's
 * shell host every 1–3 seconds, answers the option negotiation, sends one user name and one
 * password from its list, reads "Login incorrect" and resets the connection. One record per
 * guess, like the KDD ones: telnet, RSTO, about 125 bytes out and 180 back, duration 0, one
 * failed login (a content feature: see {@code GuessPasswdScenarioTest}).
 */
public final class TelnetGuessing implements Scenario {
    static final long MIN_GAP = 1_000 * Draw.MS;
    static final long MAX_GAP = 3_000 * Draw.MS;

    @Override
    public ScenarioKind kind() {
        return ScenarioKind.GUESS_PASSWD;
    }

    @Override
    public long durationNanos(int records) {
        return records * (MIN_GAP + MAX_GAP) / 2;
    }

    @Override
    public SessionSource sessions(Env env, int records, long startNanos, RandomGenerator.SplittableGenerator rng) {
        return LoginGuesser.sessions(env, records, startNanos, rng, Network.TELNET_SERVER, MIN_GAP, MAX_GAP,
                (b, attacker, victim, user, r) -> {
                    // A short path: the KDD guess_passwd records last under a second, negotiation included.
                    int c = b.connection(new Link(attacker, attacker.ephemeralPort(), victim, 23, Draw.millis(r, 2, 20),
                            10_000_000L));
                    TelnetExchange.failedLogin(b, c, attacker, user, Draw.pick(r, LoginGuesser.PASSWORDS), r);
                });
    }
}
