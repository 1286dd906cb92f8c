package gatewatch.sensor.lab.service;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.features.conn.IpAddress;
import gatewatch.features.truth.AddressBlock;
import gatewatch.sensor.lab.net.Topology;
import java.net.InetAddress;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The lab's DHCP service: its pool, and what its log counts. */
class DhcpServerTest {
    private static final Topology NET = new Topology("t-");

    @Test
    void thePoolIsItsBlockAndClearOfTheClientsOwnAddresses() throws Exception {
        assertThat(DhcpServer.POOL_FIRST).isEqualTo("10.77.1.128");
        assertThat(DhcpServer.poolLast()).isEqualTo("10.77.1.191");
        AddressBlock pool = AddressBlock.parse(DhcpServer.POOL_BLOCK);
        assertThat(pool.matches(ip(DhcpServer.POOL_FIRST))).isTrue();
        assertThat(pool.matches(ip(DhcpServer.poolLast()))).isTrue();
        assertThat(pool.matches(ip("10.77.1.127"))).isFalse();
        assertThat(pool.matches(ip("10.77.1.192"))).isFalse();
        assertThat(1 << (32 - Integer.parseInt(DhcpServer.POOL_BLOCK.split("/")[1]))).isEqualTo(DhcpServer.POOL_SIZE);
        IntStream.range(0, Topology.CLIENT_ALIASES).mapToObj(NET::clientAlias)
                .forEach(a -> assertThat(Integer.parseInt(a.split("\\.")[3])).isLessThan(128));
        assertThat(NET.client()).isEqualTo("10.77.1.2");
        assertThat(NET.gatewayClientSide()).isEqualTo("10.77.1.1");
    }

    private static IpAddress ip(String s) throws Exception {
        return IpAddress.of(InetAddress.getByName(s));
    }

    @Test
    void theServersLogIsCountedByMessageType() {
        String log = """
                dnsmasq-dhcp[4106]: 3268308804 available DHCP range: 10.77.1.128 -- 10.77.1.191
                dnsmasq-dhcp[4106]: 3268308804 DHCPDISCOVER(veth-gw) 02:44:20:82:3c:fd
                dnsmasq-dhcp[4106]: 3268308804 DHCPOFFER(veth-gw) 10.77.1.131 02:44:20:82:3c:fd
                dnsmasq-dhcp[4106]: 3268308804 DHCPREQUEST(veth-gw) 10.77.1.131 02:44:20:82:3c:fd
                dnsmasq-dhcp[4106]: 3268308804 DHCPACK(veth-gw) 10.77.1.131 02:44:20:82:3c:fd
                dnsmasq-dhcp[4106]: 3268308804 sent size:  1 option: 53 message-type  5
                dnsmasq-dhcp[4106]: 1731 DHCPDISCOVER(veth-gw) 02:f1:c2:6b:30:f9 no address available
                dnsmasq-dhcp[4106]: 1732 DHCPREQUEST(veth-gw) 10.77.1.131 02:dd:01:e4:88:75
                dnsmasq-dhcp[4106]: 1732 DHCPNAK(veth-gw) 10.77.1.131 02:dd:01:e4:88:75 address in use
                dnsmasq-dhcp[4106]: 1733 DHCPRELEASE(veth-gw) 10.77.1.131 02:44:20:82:3c:fd
                """;
        assertThat(DhcpServer.counts(log)).containsEntry("server_discover", 2L).containsEntry("server_offer", 1L)
                .containsEntry("server_request", 2L).containsEntry("server_ack", 1L).containsEntry("server_nak", 1L)
                .containsEntry("server_release", 1L).containsEntry("server_no_address", 1L);
    }
}
