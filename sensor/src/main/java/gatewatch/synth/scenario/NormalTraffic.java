package gatewatch.synth.scenario;

import gatewatch.synth.net.Host;
import gatewatch.synth.net.Network;
import gatewatch.synth.service.Draw;
import gatewatch.synth.service.DnsExchange;
import gatewatch.synth.service.Env;
import gatewatch.synth.service.FtpExchange;
import gatewatch.synth.service.HttpExchange;
import gatewatch.synth.service.SmtpExchange;
import gatewatch.synth.service.TelnetExchange;
import gatewatch.synth.session.Session;
import gatewatch.synth.session.SessionSource;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.random.RandomGenerator;

/**
 * The site's everyday traffic: 40 workstations browsing (a DNS lookup, then one to four
 * connections to the same web server within a second, as a page and its images load), mail
 * arriving from remote relays and sent from workstations, FTP downloads, the odd DNS lookup and
 * telnet session. Activities arrive at random (a Poisson process) at about 20 records a second;
 * by records, about 60 % http, 15 % domain_u, 14 % smtp, 7 % ftp and ftp_data, 1 % telnet,
 * close to the shares of these services among the KDD normal records.
 */
public final class NormalTraffic implements Scenario {
    /** About 20 records a second: KDD's normal http records mostly have a 2-second count of 1 to 20. */
    public static final long NANOS_PER_RECORD = 50 * Draw.MS;

    private final long nanosPerRecord;

    public NormalTraffic() {
        this(NANOS_PER_RECORD);
    }

    /** Background at a lower rate, to fill a timeline that attacks make longer than the default rate would. */
    public NormalTraffic(long nanosPerRecord) {
        this.nanosPerRecord = nanosPerRecord;
    }

    @Override
    public ScenarioKind kind() {
        return ScenarioKind.NORMAL;
    }

    @Override
    public long durationNanos(int records) {
        return records * nanosPerRecord;
    }

    @Override
    public SessionSource sessions(Env env, int records, long startNanos, RandomGenerator.SplittableGenerator rng) {
        return new Activities(env, records, startNanos, nanosPerRecord, rng);
    }

    private record Planned(long start, long order, Session session) {
    }

    /** Plans one activity at a time; its sessions wait in a small queue until they start. */
    private static final class Activities implements SessionSource {
        private final Env env;
        private final RandomGenerator.SplittableGenerator rng;
        private final PriorityQueue<Planned> planned = new PriorityQueue<>(
                Comparator.comparingLong(Planned::start).thenComparingLong(Planned::order));
        private final long total;
        private final long nanosPerRecord;
        private long nextActivity;
        private long order;

        Activities(Env env, int records, long start, long nanosPerRecord, RandomGenerator.SplittableGenerator rng) {
            this.env = env;
            this.nanosPerRecord = nanosPerRecord;
            this.total = records;
            this.nextActivity = start;
            this.rng = rng;
        }

        @Override
        public long nextStartNanos() {
            while ((planned.isEmpty() || planned.peek().start() > nextActivity) && left() > 0) {
                planActivity();
            }
            return planned.isEmpty() ? Long.MAX_VALUE : planned.peek().start();
        }

        @Override
        public Session start() {
            nextStartNanos();
            return planned.remove().session();
        }

        private void planActivity() {
            long t = nextActivity;
            long before = left();
            RandomGenerator r = rng.split();
            Network net = env.network();
            Host client = net.host(Draw.pick(r, Network.CLIENTS));
            int roll = r.nextInt(100);
            if (left() == 1 || roll < 8) {
                plan(t, DnsExchange.session(env, client, net.host(Network.DNS_SERVER), anyName(r), t, r));
            } else if (roll < 76) {
                webVisit(t, client, r);
            } else if (roll < 90) {
                mail(t, client, r);
            } else if (roll < 98) {
                int files = (int) Math.min(left() - 1, 1 + (r.nextInt(3) == 0 ? 1 + r.nextInt(2) : 0));
                plan(t, FtpExchange.session(env, client, net.host(Network.FTP_SERVER), files, t, r));
            } else {
                plan(t, TelnetExchange.interactive(env, client, net.host(Network.TELNET_SERVER), t, r));
            }
            // Arrivals keep the rate in records, whatever the activity.
            nextActivity = t + Draw.exponential(r, nanosPerRecord * (before - left()));
        }

        private void webVisit(long t, Host client, RandomGenerator r) {
            boolean intranet = r.nextInt(5) == 0;
            int serverIndex = r.nextInt(Network.REMOTE_WEB.size());
            Host server = env.network().host(intranet ? Network.WEB_SERVER : Network.REMOTE_WEB.get(serverIndex));
            String name = intranet ? "www.lan.example" : "www.site" + serverIndex + ".example.com";
            long at = t;
            if (r.nextInt(10) < 3 && left() > 1) {
                plan(t, DnsExchange.session(env, client, env.network().host(Network.DNS_SERVER), name, t, r));
                at += Draw.millis(r, 2, 60);
            }
            int roll = r.nextInt(20);
            int fetches = (int) Math.min(left(), roll < 10 ? 1 : roll < 14 ? 2 : roll < 17 ? 3 : 4);
            for (int i = 0; i < fetches; i++) {
                plan(at, HttpExchange.session(env, client, server, name, at, r));
                at += Draw.millis(r, 20, 400);
            }
        }

        private void mail(long t, Host client, RandomGenerator r) {
            Network net = env.network();
            if (r.nextBoolean()) {
                int relay = r.nextInt(Network.REMOTE_MAIL.size());
                plan(t, SmtpExchange.session(env, net.host(Network.REMOTE_MAIL.get(relay)), "relay" + relay + ".example.net",
                        net.host(Network.MAIL_SERVER), t, r));
            } else {
                String name = "ws" + (client.address() & 0xff) + ".lan.example";
                plan(t, SmtpExchange.session(env, client, name, net.host(Network.MAIL_SERVER), t, r));
            }
        }

        private void plan(long t, Session s) {
            planned.add(new Planned(t, order++, s));
        }

        /** Records still to make: each session counts its records in the tally when it is made. */
        private long left() {
            return total - env.tally().records();
        }

        private String anyName(RandomGenerator r) {
            return "www.site" + r.nextInt(Network.REMOTE_WEB.size()) + ".example.com";
        }
    }
}
