package gatewatch.sensor.capture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PcapInfoTest {
    @Test
    void namesTheLibpcapInUse() {
        assertThat(PcapInfo.libraryVersion()).startsWith("libpcap version ");
    }

    /** libpcap lists the loopback device (and "any") even without capture permission. */
    @Test
    void listsTheLoopbackInterface() throws Exception {
        assertThat(PcapInfo.interfaces())
                .anySatisfy(i -> {
                    assertThat(i.name()).isEqualTo("lo");
                    assertThat(i.loopback()).isTrue();
                });
    }
}
