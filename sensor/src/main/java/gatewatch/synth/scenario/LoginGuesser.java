package gatewatch.synth.scenario;

import gatewatch.synth.net.Host;
import gatewatch.synth.net.Network;
import gatewatch.synth.service.Draw;
import gatewatch.synth.service.Env;
import gatewatch.synth.session.ScriptBuilder;
import gatewatch.synth.session.SessionSource;
import java.util.random.RandomGenerator;

/**
 * What password-guessing scenarios share: one attacker, one login server, one user name, and a
 * connection every {@code minGap}–{@code maxGap} whose dialogue the scenario writes.
 */
final class LoginGuesser {
    static final String[] USERS = {"root", "admin", "guest", "oracle", "test", "user"};
    static final String[] PASSWORDS = {"123456", "password", "letmein", "root", "toor", "admin", "qwerty",
        "changeme", "secret", "welcome", "guest", "master", "dragon", "abc123", "sunos", "system"};

    /** Writes one connection's script: the link (connection 0) and what each side says. */
    @FunctionalInterface
    interface Attempt {
        void write(ScriptBuilder b, Host attacker, Host victim, String user, RandomGenerator rng);
    }

    private LoginGuesser() {
    }

    static SessionSource sessions(Env env, int records, long startNanos, RandomGenerator.SplittableGenerator rng,
                                  int server, long minGap, long maxGap, Attempt attempt) {
        Host attacker = env.network().host(Network.ATTACKER_NET + rng.nextInt(2, 250));
        Host victim = env.network().host(server);
        env.tally().attacker(attacker);
        env.tally().victim(victim);
        String user = Draw.pick(rng, USERS);
        RandomGenerator.SplittableGenerator sessions = rng.split();
        return new SequentialSessions(records, startNanos, minGap, maxGap, rng.split(), start -> {
            RandomGenerator r = sessions.split();
            ScriptBuilder b = new ScriptBuilder();
            attempt.write(b, attacker, victim, user, r);
            env.tally().addRecords(1);
            return b.build(env.tally(), start, r);
        });
    }
}
