package gatewatch.sensor.output;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.features.conn.ConnectionSummary;
import gatewatch.features.conn.FinishReason;
import gatewatch.features.conn.IpAddress;
import gatewatch.features.kdd.KddFlag;
import gatewatch.features.kdd.ProtocolType;
import gatewatch.features.kdd.Service;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Known answers: each expected ID is what tshark 4.0 ({@code --enable-protocol communityid})
 * printed for a frame of that 5-tuple (the frames were built with scapy), so the ordering rules
 * and the ICMP type/code mapping are checked against an independent implementation.
 */
class CommunityIdTest {
    private final CommunityId id = new CommunityId();

    @ParameterizedTest(name = "{0} {1}:{2} -> {3}:{4}")
    @CsvSource({
        // TCP/UDP: the smaller address comes first; equal addresses are ordered by port.
        "6,  10.0.0.1,    80,   10.0.0.1,    1234, 1:WaobEo3Uyp/JjlL9QX3lvrl1Oag=",
        "6,  10.0.0.1,    1234, 10.0.0.1,    80,   1:WaobEo3Uyp/JjlL9QX3lvrl1Oag=",
        "6,  127.0.0.1,   80,   10.0.0.1,    1234, 1:F/BCgQTUT/FXrTnSBgdsKwJ26iE=",
        "17, 10.0.0.1,    1234, 127.0.0.1,   80,   1:ORt6ggh4301bGffptGSrS28Gmbg=",
        "6,  141.142.220.235, 50003, 199.233.217.249, 21, 1:+3oWOJRWwdmXZADNwdxrEcwa8o0=",
        "17, 2001:db8::9, 5353, 2001:db8::1, 53,   1:r3u8yAz0RvRoi6O2Yb0z1pFX7ao=",
        "6,  2a00:d40:1:3:7aac:c0ff:fea7:d4c, 40526, 2a00:1450:4006:804::200e, 443, 1:3PAFI61AGBbn+KeSpUH+cRqBaSI=",
    })
    void tcpAndUdp(int proto, String src, int sport, String dst, int dport, String expected) throws Exception {
        assertThat(id.of(summary(proto, src, sport, dst, dport, 0, 0))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} -> {2} type {3} code {4}")
    @CsvSource({
        // An echo request and its reply are one flow; so are ICMPv6's.
        "1,  10.0.0.128,  10.0.0.1,    8,   0, 1:hutU4HP0hSFu2Elj1LRx64TB0Us=",
        "1,  10.0.0.1,    10.0.0.128,  0,   0, 1:hutU4HP0hSFu2Elj1LRx64TB0Us=",
        "58, 2001:db8::2, 2001:db8::1, 128, 0, 1:YDcnf7YthUKAbDNo6Cs3rX4jq4w=",
        "58, 2001:db8::1, 2001:db8::2, 129, 0, 1:YDcnf7YthUKAbDNo6Cs3rX4jq4w=",
        "58, fe80::1,     ff02::1:ff00:2, 135, 0, 1:6GkV4Q23CW9hmt4IlBap+Dis6uk=",
        // One-way messages keep their direction, with the code as the second "port".
        "1,  192.168.1.9, 10.0.0.5,    3,   3, 1:tqdTEFJKcv3epRbDX4sJsg0XcMY=",
        "1,  10.0.0.5,    192.168.1.9, 11,  0, 1:W5n7fIl0Y5kFEDpiXGAKb5e7xr0=",
    })
    void icmp(int proto, String src, String dst, int type, int code, String expected) throws Exception {
        assertThat(id.of(summary(proto, src, 0, dst, 0, type, code))).isEqualTo(expected);
    }

    @Test
    void anotherSeedGivesAnotherId() throws Exception {
        ConnectionSummary c = summary(6, "10.0.0.1", 1234, "127.0.0.1", 80, 0, 0);
        assertThat(new CommunityId(1).of(c)).startsWith("1:").isNotEqualTo(id.of(c));
    }

    @Test
    void flowIdIsStableAndSeparatesConnections() throws Exception {
        ConnectionSummary a = summary(6, "10.0.0.1", 1234, "127.0.0.1", 80, 0, 0);
        ConnectionSummary b = summary(6, "10.0.0.1", 1235, "127.0.0.1", 80, 0, 0);
        assertThat(FlowId.of(a)).isEqualTo(FlowId.of(summary(6, "10.0.0.1", 1234, "127.0.0.1", 80, 0, 0)))
                .isNotEqualTo(FlowId.of(b))
                .isPositive()
                .isLessThan(1L << 53);
    }

    static ConnectionSummary summary(int proto, String src, int sport, String dst, int dport, int type, int code)
            throws Exception {
        return new ConnectionSummary(1_000_000_000L, 2_000_000_000L, address(src), sport, address(dst), dport, proto,
                ProtocolType.ofIpProtocol(proto), Service.OTHER, KddFlag.SF, KddFlag.SF, "", 0, 0, 1, 0, 40, 0, 0,
                false, 0, 0, FinishReason.TIMEOUT, type, code);
    }

    static IpAddress address(String text) throws Exception {
        byte[] b = InetAddress.getByName(text).getAddress();
        if (b.length == 4) {
            long v4 = ((b[0] & 0xffL) << 24) | ((b[1] & 0xffL) << 16) | ((b[2] & 0xffL) << 8) | (b[3] & 0xffL);
            return new IpAddress(0, 0x0000_ffff_0000_0000L | v4);
        }
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 8; i++) {
            hi = hi << 8 | (b[i] & 0xff);
            lo = lo << 8 | (b[8 + i] & 0xff);
        }
        return new IpAddress(hi, lo);
    }
}
