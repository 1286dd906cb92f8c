package gatewatch.synth.scenario;

import static gatewatch.synth.session.TcpConversation.Side.ORIGINATOR;
import static gatewatch.synth.session.TcpConversation.Side.RESPONDER;

import gatewatch.synth.net.Network;
import gatewatch.synth.service.Draw;
import gatewatch.synth.service.Env;
import gatewatch.synth.service.Paths;
import gatewatch.synth.session.SessionSource;
import java.util.random.RandomGenerator;

/**
 * Password guessing against the site's FTP server: each connection tries three passwords
 * ({@code USER}, {@code 331}, {@code PASS}, {@code 530 Login incorrect.} after the server's
 * penalty pause), then {@code QUIT}; a new connection every 2–6 seconds. One record per
 * connection: ftp, SF, three failed logins (content features: see {@code GuessPasswdScenarioTest}).
 */
public final class FtpGuessing implements Scenario {
    private static final long MIN_GAP = 2_000 * Draw.MS;
    private static final long MAX_GAP = 6_000 * Draw.MS;
    private static final int ATTEMPTS = 3;

    @Override
    public ScenarioKind kind() {
        return ScenarioKind.GUESS_PASSWD_FTP;
    }

    @Override
    public long durationNanos(int records) {
        return records * (MIN_GAP + MAX_GAP) / 2;
    }

    @Override
    public SessionSource sessions(Env env, int records, long startNanos, RandomGenerator.SplittableGenerator rng) {
        return LoginGuesser.sessions(env, records, startNanos, rng, Network.FTP_SERVER, MIN_GAP, MAX_GAP,
                (b, attacker, victim, user, r) -> {
                    int c = b.connection(Paths.link(attacker, attacker.ephemeralPort(), victim, 21, r));
                    b.open(c, 0).send(c, RESPONDER, "220 ftp.lan.example FTP server (Version wu-2.4.2-academ[BETA-18](1) "
                            + "Mon Jan 4 1999) ready.\r\n", Draw.millis(r, 1, 40));
                    for (int i = 0; i < ATTEMPTS; i++) {
                        b.send(c, ORIGINATOR, "USER " + user + "\r\n", Draw.millis(r, 1, 20))
                                .send(c, RESPONDER, "331 Password required for " + user + ".\r\n", Draw.millis(r, 0.5, 5))
                                .send(c, ORIGINATOR, "PASS " + Draw.pick(r, LoginGuesser.PASSWORDS) + "\r\n",
                                        Draw.millis(r, 1, 20))
                                .send(c, RESPONDER, "530 Login incorrect.\r\n", Draw.millis(r, 300, 1_500));
                    }
                    b.send(c, ORIGINATOR, "QUIT\r\n", Draw.millis(r, 1, 20))
                            .send(c, RESPONDER, "221 Goodbye.\r\n", Draw.millis(r, 0.2, 2))
                            .close(c, RESPONDER, Draw.millis(r, 0, 0.5));
                });
    }
}
