package gatewatch.sensor.lab.scenario.normal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** normal-api-polling without root: its pollers' rates, connection kinds and command lines. */
class NormalApiPollingTest {
    @Test
    void pollersAskEveryHalfSecondToTwoSecondsSomeKeepAliveSomeNotSomeTls() {
        List<NormalApiPolling.Poller> pollers = NormalApiPolling.POLLERS;
        assertThat(pollers).allSatisfy(p -> {
            assertThat(p.minSeconds()).isGreaterThanOrEqualTo(0.5).isLessThanOrEqualTo(p.maxSeconds());
            assertThat(p.maxSeconds()).isLessThanOrEqualTo(2.2);
        });
        assertThat(pollers.stream().filter(NormalApiPolling.Poller::keepAlive).count()).isGreaterThanOrEqualTo(2);
        assertThat(pollers.stream().filter(p -> !p.keepAlive()).count()).isGreaterThanOrEqualTo(2);
        assertThat(pollers.stream().filter(NormalApiPolling.Poller::tls)).isNotEmpty();
        assertThat(pollers.stream().filter(NormalApiPolling.Poller::post)).isNotEmpty();
        assertThat(pollers.stream().map(NormalApiPolling.Poller::name)).doesNotHaveDuplicates().doesNotContain("sse", "status-page", "long-poll");
    }

    @Test
    void aPollersArgumentsAreThoseApiPollReads() {
        NormalApiPolling.Poller p = new NormalApiPolling.Poller("x", "/api/status.json", true, 1.0, 1.5, false, true);
        assertThat(p.args("10.77.1.10", "10.77.2.2", 35, 7)).containsExactly("10.77.1.10", "https://10.77.2.2/api/status.json",
                "1.0", "1.5", "35", "0", "7", "post");
        NormalApiPolling.Poller q = new NormalApiPolling.Poller("y", "/a", false, 0.5, 0.7, true, false);
        assertThat(q.args("10.77.1.11", "10.77.2.2", 35, 8)).containsExactly("10.77.1.11", "http://10.77.2.2/a", "0.5", "0.7", "35",
                "1", "8");
    }
}
