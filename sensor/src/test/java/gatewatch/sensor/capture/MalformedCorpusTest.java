package gatewatch.sensor.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import gatewatch.features.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every file in {@code pcaps/malformed/}: read to the end with nothing escaping but the documented
 * exceptions, and no hang. The expected frame counts and link types were recorded with
 * {@code tcpdump --count -r FILE} (tcpdump 4.99.3, libpcap 1.10.3) and agree with it for every
 * file. They differ from MANIFEST.md's capinfos column in three files, which Wireshark's own reader
 * handles differently from libpcap:
 * <ul>
 *   <li>natural-corrupted-huge-caplen.pcap: libpcap reads 2 frames (the second with 0 captured
 *       bytes, because the first record's caplen overshoots its data) and then fails at offset
 *       130; capinfos stops after 1.</li>
 *   <li>tcpdump-vtp_asan.pcap (5 frames) and tcpdump-frf16_magic_ie-oobr.pcap (1 frame) have link
 *       type 182 (LINKTYPE_FRELAY_WITH_DIR): libpcap reads them; capinfos refuses the type.</li>
 * </ul>
 * No file in the folder is refused by libpcap at open.
 */
class MalformedCorpusTest {
    private static final Duration HANG = Duration.ofSeconds(30);

    /** file, frames, link type: read cleanly to the end. */
    private static final String[] CLEAN = {
            "natural-garbage-frames.pcap, 10000, 1",
            "ndpi-badpackets.pcap, 93, 1",
            "ndpi-fuzz-2006-06-26-2594.pcap, 691, 1",
            "ndpi-malformed-icmp.pcap, 1, 1",
            "suricata-ipv4-truncated.pcap, 1, 1",
            "suricata-sctp-pkt-too-small.pcap, 1, 1",
            "tcpdump-802_15_4-oobr-1.pcap, 1, 195",
            "tcpdump-LINKTYPE_IPV6_invalid.pcap, 1, 229",
            "tcpdump-aoe-oobr-1.pcap, 1, 1",
            "tcpdump-atm-oam-heapoverflow.pcap, 1, 123",
            "tcpdump-bad-ipv4-version-pgm-heapoverflow.pcap, 1, 1",
            "tcpdump-bgp-as-path-oobr.pcap, 4, 1",
            "tcpdump-bgp-extended-optional-parameters-length.pcapng, 1, 113",
            "tcpdump-bgp-ub.pcap, 1, 1",
            "tcpdump-bgp_pmsi_tunnel-oobr.pcap, 1, 1",
            "tcpdump-bootp_asan-2.pcap, 1, 1",
            "tcpdump-cfm_sender_id-oobr.pcap, 1, 1",
            "tcpdump-cve-2014-8768-Geonet.pcap, 1, 1",
            "tcpdump-cve2015-0261-ipv6.pcap, 2, 8",
            "tcpdump-decnet-shorthdr-oobr.pcap, 15, 1",
            "tcpdump-dns-badlabel.pcap, 1, 1",
            "tcpdump-eigrp-tlv-oobr.pcap, 1, 1",
            "tcpdump-empty.pcap, 0, 1",
            "tcpdump-esis_snpa_asan-2.pcap, 1, 107",
            "tcpdump-esis_snpa_asan-5.pcap, 2, 107",
            "tcpdump-extract_read2_asan.pcap, 1, 228",
            "tcpdump-frf16_magic_ie-oobr.pcap, 1, 182",
            "tcpdump-gre-heapoverflow-1.pcap, 2, 1",
            "tcpdump-heap-overflow-2.pcap, 1, 19",
            "tcpdump-heapoverflow-in_checksum.pcap, 1, 1",
            "tcpdump-heapoverflow-q933_printq.pcap, 1, 9",
            "tcpdump-hncp_dhcpv4data-oobr.pcap, 1, 1",
            "tcpdump-hoobr_aodv_extension.pcap, 1, 1",
            "tcpdump-hoobr_juniper.pcap, 1, 137",
            "tcpdump-hoobr_juniper4.pcap, 1, 137",
            "tcpdump-hoobr_nfs_xid_map_enter.pcap, 9, 1",
            "tcpdump-hoobr_rt6_print.pcap, 3, 229",
            "tcpdump-icmp-cksum-oobr-1.pcap, 1, 113",
            "tcpdump-icmp-cksum-oobr-4.pcapng, 1, 9",
            "tcpdump-icmp-length-zero.pcapng, 1, 1",
            "tcpdump-icmp6_nodeinfo_oobr.pcap, 1, 8",
            "tcpdump-ieee802.11_meshhdr-oobr.pcap, 1, 127",
            "tcpdump-ieee802.11_tim_ie_oobr.pcap, 4, 105",
            "tcpdump-ikev2-id-short.pcap, 1, 1",
            "tcpdump-ip6-snmp-oid-unsigned.pcap, 1, 1",
            "tcpdump-ip_ts_opts_asan.pcap, 1, 1",
            "tcpdump-ipv4_invalid_length.pcap, 1, 1",
            "tcpdump-ipv6-bad-version.pcap, 4, 1",
            "tcpdump-ipv6-next-header-oobr-2.pcap, 1, 229",
            "tcpdump-ipv6-too-long-jumbo.pcap, 1, 1",
            "tcpdump-ipv6_invalid_length_2.pcap, 1, 1",
            "tcpdump-ipv6_missing_jumbo_payload_option.pcap, 1, 1",
            "tcpdump-isakmp-3948-oobr-2.pcap, 1, 1",
            "tcpdump-isakmp-ikev1_n_print-oobr.pcap, 3, 1",
            "tcpdump-isakmp-various-oobr.pcap, 2, 1",
            "tcpdump-isis-areaaddr-oobr-2.pcap, 1, 1",
            "tcpdump-isis-infinite-loop.pcap, 5, 113",
            "tcpdump-isis_stlv_asan-4.pcap, 1, 107",
            "tcpdump-isoclns-heapoverflow-2.pcap, 1, 1",
            "tcpdump-isoclns-oobr.pcap, 1, 1",
            "tcpdump-juniper_header-heapoverflow.pcap, 1, 178",
            "tcpdump-kh-timed-002-oobr.pcap, 1, 1",
            "tcpdump-ldp-infinite-loop.pcap, 5, 113",
            "tcpdump-lisp_invalid.pcap, 2, 1",
            "tcpdump-lldp-infinite-loop-1.pcap, 1, 1",
            "tcpdump-lldp_asan.pcap, 1, 1",
            "tcpdump-lmpv1_busyloop.pcap, 1, 1",
            "tcpdump-lwres-pointer-arithmetic-ub.pcap, 1, 1",
            "tcpdump-macsec-short-valid.pcap, 1, 1",
            "tcpdump-mobility_opt_asan_2.pcap, 1, 1",
            "tcpdump-mobility_opt_asan_5.pcap, 1, 1",
            "tcpdump-mobility_opt_asan_8.pcap, 1, 1",
            "tcpdump-nbns-valgrind.pcap, 1, 1",
            "tcpdump-of10_7050sx_bsn-oobr.pcap, 1, 1",
            "tcpdump-ospf-signed-integer-ubsan.pcap, 1, 1",
            "tcpdump-pgm_group_addr_asan.pcap, 1, 1",
            "tcpdump-pgm_opts_asan_3.pcap, 1, 1",
            "tcpdump-pim_header_asan-4.pcap, 3, 1",
            "tcpdump-pimv2-oobr-2.pcap, 1, 1",
            "tcpdump-pktap-heap-overflow.pcap, 2, 149",
            "tcpdump-ppp_error_hexdump.pcap, 1, 50",
            "tcpdump-quic_handshake_truncated.pcap, 18, 0",
            "tcpdump-radius_rfc5447_invalid_length.pcap, 1, 113",
            "tcpdump-rip_error_hexdump.pcap, 1, 1",
            "tcpdump-rpl-dao-oobr.pcap, 1, 1",
            "tcpdump-rsvp-rsvp_obj_print-oobr.pcap, 3, 1",
            "tcpdump-rsvp_uni-oobr-2.pcap, 1, 1",
            "tcpdump-rx_ubik-oobr.pcap, 1, 1",
            "tcpdump-slip-bad-direction.pcap, 1, 8",
            "tcpdump-smb_data_print-oobr.pcapng, 4, 1",
            "tcpdump-smb_print_trans-oobr2.pcap, 1, 1",
            "tcpdump-stp-heapoverflow-1.pcap, 14, 1",
            "tcpdump-stp-heapoverflow-4.pcap, 14, 1",
            "tcpdump-tcp_header_heapoverflow.pcap, 1, 1",
            "tcpdump-telnet-iac-check-oobr.pcap, 1, 1",
            "tcpdump-time_2038_max.pcap, 1, 1",
            "tcpdump-time_2106.pcap, 1, 1",
            "tcpdump-time_2107.pcapng, 1, 1",
            "tcpdump-tok2str-oobr-1.pcap, 1, 1",
            "tcpdump-udld-inf-loop-1.pcapng, 1, 1",
            "tcpdump-unsupported-link-type-dbus.pcap, 2, 231",
            "tcpdump-vrrp-vrrp_print-oobr.pcap, 3, 107",
            "tcpdump-vtp_asan.pcap, 5, 182",
            "tcpdump-zmtp1-inf-loop-1.pcapng, 1, 113",
            "zeek-chksums-ip4-bad-chksum.pcap, 1, 1",
            "zeek-chksums-ip4-tcp-bad-chksum.pcap, 1, 1",
            "zeek-chksums-ip6-udp-bad-chksum.pcap, 1, 1",
            "zeek-ip-bogus-header-len.pcap, 1, 1",
            "zeek-tcp-truncated-header.pcap, 24, 1",
            "zeek-trunc-icmp-header-trunc.pcap, 2, 1",
            "zeek-trunc-ip-discarder-truncated-tcp-oob.pcapng, 1, 1",
            "zeek-trunc-ip4-trunc.pcap, 1, 1",
            "zeek-trunc-ip6-ext-trunc.pcap, 1, 1",
            "zeek-trunc-ipv4-internally-truncated-header.pcap, 1, 1",
            "zeek-trunc-trunc-hdr.pcap, 1, 1",
            "zeek-udp-contents-truncated-oob.pcap, 1, 1",
    };

    @TestFactory
    Stream<DynamicTest> everyMalformedFileIsReadWithoutSurprises() throws Exception {
        Path dir = SharedData.require("pcaps/malformed");
        Map<String, long[]> clean = new HashMap<>();
        for (String row : CLEAN) {
            String[] f = row.split(",\\s*");
            clean.put(f[0], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
                    () -> assertTimeoutPreemptively(HANG, () -> check(file, clean))));
        }
    }

    private static void check(Path file, Map<String, long[]> clean) throws CaptureException {
        String name = file.getFileName().toString();
        FrameRecorder got = new FrameRecorder();
        try (PcapFileSource source = PcapFileSource.open(file)) {
            if (name.equals("natural-corrupted-huge-caplen.pcap")) {
                try {
                    source.run(got);
                    fail(name + " should be reported as damaged");
                } catch (DamagedCaptureException e) {
                    assertThat(e.offset()).isEqualTo(130);
                    assertThat(got.size()).isEqualTo(2);
                    assertThat(got.get(1).capLen()).isZero();
                }
                return;
            }
            long[] want = clean.get(name);
            assertThat(want).as("expected count for " + name + " (a new file in malformed/? record it)").isNotNull();
            assertThat(source.run(got)).isEqualTo(want[0]);
            assertThat(source.linkType()).isEqualTo((int) want[1]);
        }
    }
}
