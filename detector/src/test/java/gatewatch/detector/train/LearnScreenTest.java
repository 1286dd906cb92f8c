package gatewatch.detector.train;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.features.conn.IpAddress;
import gatewatch.features.kdd.KddFlag;
import gatewatch.features.kdd.Service;
import org.junit.jupiter.api.Test;

/** What {@code learn} warns about in the traffic it learns from, on synthetic connections. */
class LearnScreenTest {
    private static IpAddress v4(int a, int b, int c, int d) {
        return new IpAddress(0, 0x0000_ffff_0000_0000L | (long) a << 24 | b << 16 | c << 8 | d);
    }

    private static final IpAddress CLIENT = v4(10, 0, 0, 5);
    private static final IpAddress SERVER = v4(10, 0, 0, 80);

    /** A busy but ordinary site: many clients, many answered connections, one failed login. */
    private static LearnScreen ordinary() {
        LearnScreen s = new LearnScreen();
        for (int i = 0; i < 2000; i++) {
            KddFlag flag = i % 50 == 0 ? KddFlag.S0 : KddFlag.SF;
            s.offer(v4(10, 0, 1, i % 200), SERVER, 443, Service.HTTP_443, flag, false, false);
            s.offer(CLIENT, v4(93, 184, 0, i % 60), 443, Service.HTTP_443, KddFlag.SF, false, false);
        }
        s.offer(CLIENT, SERVER, 21, Service.FTP, KddFlag.SF, false, true);
        return s;
    }

    @Test
    void ordinaryTrafficGivesNoWarning() {
        assertThat(ordinary().findings()).isEmpty();
    }

    @Test
    void aSynFloodIsFoundBySourceAndASpoofedOneByDestination() {
        LearnScreen s = ordinary();
        for (int i = 0; i < 150; i++) {
            s.offer(v4(192, 168, 1, 52), SERVER, 80, Service.HTTP, KddFlag.S0, false, false);
        }
        assertThat(s.findings()).anyMatch(f -> f.startsWith("from 192.168.1.52: 150 connections, 150 of them failed or empty"));
        LearnScreen spoofed = ordinary();
        for (int i = 0; i < 3000; i++) {
            spoofed.offer(v4(1 + i % 200, i % 250, 7, 9), SERVER, 80, Service.HTTP, KddFlag.S0, false, false);
        }
        LearnScreen answered = ordinary();
        for (int i = 0; i < 150; i++) {
            answered.offer(v4(192, 168, 1, 52), SERVER, 80, Service.HTTP, KddFlag.S1, true, false);
        }
        assertThat(answered.findings()).anyMatch(f -> f.startsWith("from 192.168.1.52: 150 connections, 150 of them failed"));
        assertThat(spoofed.findings()).singleElement().asString().startsWith("to 10.0.0.80: 5,001 connections, 3,040 of")
                .contains("flood or a scan");
    }

    @Test
    void aPortScanASweepAndPasswordGuessingAreFound() {
        LearnScreen s = ordinary();
        for (int p = 1; p <= 120; p++) {
            s.offer(v4(172, 16, 0, 9), SERVER, p, Service.PRIVATE, p % 3 == 0 ? KddFlag.REJ : KddFlag.SF, false, false);
            s.offer(v4(172, 16, 0, 10), v4(10, 0, 2, p), 0, Service.ECO_I, KddFlag.SF, false, false);
        }
        for (int i = 0; i < 3; i++) {
            s.offer(v4(172, 16, 0, 11), SERVER, 21, Service.FTP, KddFlag.SF, false, true);
        }
        assertThat(s.findings()).containsExactly(
                "from 172.16.0.9: 100 or more ports of 10.0.0.80: looks like a port scan",
                "from 172.16.0.10: eco_i on 100 or more hosts: looks like a sweep",
                "from 172.16.0.11: 3 connections with failed logins to 10.0.0.80 ftp: looks like password guessing");
    }
}
