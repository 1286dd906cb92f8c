package gatewatch.features.kdd;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Unnamed ports: {@code private} below 1024, {@code other} from 1024 up, as the KDD rows show (docs/FEATURES.md). */
class ServiceTableTest {

    @Test
    void anUnnamedPortBelow1024IsPrivate() {
        // What neptune (ports 1-1024) and 1998's nmap (1-1024) hit: private in the data.
        assertThat(ServiceTable.tcp(1)).isEqualTo(Service.PRIVATE);
        assertThat(ServiceTable.tcp(666)).isEqualTo(Service.PRIVATE);
        assertThat(ServiceTable.tcp(1023)).isEqualTo(Service.PRIVATE);
        assertThat(ServiceTable.udp(161)).isEqualTo(Service.PRIVATE);
        assertThat(ServiceTable.udp(443)).isEqualTo(Service.PRIVATE);
    }

    @Test
    void anUnnamedPortFrom1024UpIsOther() {
        assertThat(ServiceTable.tcp(1024)).isEqualTo(Service.OTHER);
        assertThat(ServiceTable.tcp(3306)).isEqualTo(Service.OTHER);
        assertThat(ServiceTable.tcp(40000)).isEqualTo(Service.OTHER);
        assertThat(ServiceTable.tcp(65535)).isEqualTo(Service.OTHER);
        assertThat(ServiceTable.udp(31337)).isEqualTo(Service.OTHER);
    }

    @Test
    void namedPortsKeepTheirNames() {
        assertThat(ServiceTable.tcp(80)).isEqualTo(Service.HTTP);
        assertThat(ServiceTable.tcp(6000)).isEqualTo(Service.X11);
        assertThat(ServiceTable.tcp(6667)).isEqualTo(Service.IRC);
        assertThat(ServiceTable.udp(53)).isEqualTo(Service.DOMAIN_U);
        assertThat(ServiceTable.tcp(40000, 20)).isEqualTo(Service.FTP_DATA);
        assertThat(ServiceTable.tcp(20, 40000)).isEqualTo(Service.FTP_DATA);
    }

    @Test
    void ircIsKnownBy6667AloneNot194() {
        // neptune has ~100 rows on every named low port and none on IRC.
        assertThat(ServiceTable.tcp(194)).isEqualTo(Service.PRIVATE);
    }

    @Test
    void likelyServerPortsAreLowNamedOrRegisteredButNot20() {
        assertThat(ServiceTable.isLikelyServerPort(21)).isTrue();
        assertThat(ServiceTable.isLikelyServerPort(666)).isTrue();
        assertThat(ServiceTable.isLikelyServerPort(3306)).isTrue();
        assertThat(ServiceTable.isLikelyServerPort(6000)).isTrue();
        assertThat(ServiceTable.isLikelyServerPort(20)).isFalse();
        assertThat(ServiceTable.isLikelyServerPort(40000)).isFalse();
    }
}
