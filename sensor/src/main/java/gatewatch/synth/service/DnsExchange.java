package gatewatch.synth.service;

import gatewatch.synth.net.Host;
import gatewatch.synth.session.PacketListSession;
import gatewatch.synth.session.Session;
import gatewatch.synth.wire.Packet;
import gatewatch.synth.wire.UdpDatagram;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * One DNS lookup over UDP: an A query from a fresh port and the resolver's answer (one or two
 * addresses, sometimes with the zone's name servers), or no answer at all one time in ten, as
 * in the KDD normal domain_u records (query 32–46 bytes; answer 0 or 35–131). One record:
 * domain_u, SF.
 */
public final class DnsExchange {
    private DnsExchange() {
    }

    public static Session session(Env env, Host client, Host resolver, String name, long start, RandomGenerator rng) {
        int id = rng.nextInt(65_536);
        int port = client.ephemeralPort();
        byte[] query = query(id, name);
        List<Packet> packets = new ArrayList<>(2);
        packets.add(new UdpDatagram(start, client, port, resolver, 53, query, true));
        if (rng.nextInt(10) != 0) {
            long lookup = rng.nextInt(4) == 0 ? Draw.millis(rng, 5, 200) : Draw.millis(rng, 0.1, 2);
            long at = start + 2 * Paths.oneWay(client, resolver, rng) + lookup;
            packets.add(new UdpDatagram(at, resolver, 53, client, port, answer(query, 1 + rng.nextInt(2),
                    rng.nextInt(3) == 0, rng), false));
        }
        env.tally().addRecords(1);
        return new PacketListSession(env.tally(), packets);
    }

    static byte[] query(int id, String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        put16(out, id);
        put16(out, 0x0100);
        put16(out, 1);
        put16(out, 0);
        put16(out, 0);
        put16(out, 0);
        putName(out, name);
        put16(out, 1);
        put16(out, 1);
        return out.toByteArray();
    }

    static byte[] answer(byte[] query, int addresses, boolean withNameServers, RandomGenerator rng) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(160);
        out.write(query, 0, 2);
        put16(out, 0x8180);
        put16(out, 1);
        put16(out, addresses);
        put16(out, withNameServers ? 2 : 0);
        put16(out, 0);
        out.write(query, 12, query.length - 12);
        for (int i = 0; i < addresses; i++) {
            put16(out, 0xc00c);
            put16(out, 1);
            put16(out, 1);
            put32(out, 3_600);
            put16(out, 4);
            put32(out, 0xcb00_7100 | (10 + rng.nextInt(32)));
        }
        if (withNameServers) {
            for (String ns : new String[] {"ns1", "ns2"}) {
                put16(out, 0xc00c);
                put16(out, 2);
                put16(out, 1);
                put32(out, 86_400);
                put16(out, 1 + ns.length() + 2);
                out.write(ns.length());
                out.writeBytes(ns.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                put16(out, 0xc00c);
            }
        }
        return out.toByteArray();
    }

    private static void putName(ByteArrayOutputStream out, String name) {
        for (String label : name.split("\\.")) {
            out.write(label.length());
            out.writeBytes(label.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        out.write(0);
    }

    private static void put16(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v);
    }

    private static void put32(ByteArrayOutputStream out, int v) {
        put16(out, v >>> 16);
        put16(out, v & 0xffff);
    }
}
