package gatewatch.synth;

import gatewatch.features.encode.PcapFileWriter;
import gatewatch.features.kdd.ProtocolType;
import gatewatch.synth.net.Ipv4;
import gatewatch.synth.net.Network;
import gatewatch.synth.scenario.NormalTraffic;
import gatewatch.synth.scenario.Scenario;
import gatewatch.synth.scenario.ScenarioKind;
import gatewatch.synth.service.Env;
import gatewatch.synth.service.Filler;
import gatewatch.synth.session.SessionSource;
import gatewatch.synth.session.Tally;
import gatewatch.synth.truth.TrueConnection;
import gatewatch.synth.truth.TruthListener;
import gatewatch.synth.wire.IcmpMessage;
import gatewatch.synth.wire.Packet;
import gatewatch.synth.wire.PacketFramer;
import gatewatch.synth.wire.TcpSegment;
import gatewatch.synth.wire.UdpDatagram;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Writes a synthetic capture: the normal background of a small site with attack episodes in it,
 * as {@link SynthSpec} asks, streamed to a pcap file with memory bounded by the sessions open at
 * once. The same spec always gives the same bytes.
 *
 * <p>The timeline: the normal traffic runs from the start at its own rate; the attack episodes,
 * in an order drawn from the seed, are spread over it with gaps between them, each one
 * contiguous. When the attacks would take longer than the background, the timeline is
 * stretched to hold them.
 */
public final class Synthesizer {
    private Synthesizer() {
    }

    public static SynthReport write(SynthSpec spec, Path out) throws IOException {
        return write(spec, out, TruthListener.NONE);
    }

    /**
     * As {@link #write(SynthSpec, Path)}, telling {@code truth} every connection as its first
     * packet is written: the ground truth, connection by connection, in start order.
     */
    public static SynthReport write(SynthSpec spec, Path out, TruthListener truth) throws IOException {
        SplittableRandom root = new SplittableRandom(spec.seed());
        Network network = new Network(spec.seed());
        Filler filler = new Filler(root.split());
        Map<ScenarioKind, Integer> records = spec.mix().split(spec.connections());
        Map<ScenarioKind, RandomGenerator.SplittableGenerator> rngs = new EnumMap<>(ScenarioKind.class);
        for (ScenarioKind k : ScenarioKind.values()) {
            rngs.put(k, root.split());
        }
        long t0 = spec.start().getEpochSecond() * 1_000_000_000L + spec.start().getNano();

        Map<ScenarioKind, Tally> tallies = new EnumMap<>(ScenarioKind.class);
        Map<Tally, ScenarioKind> kindOf = new IdentityHashMap<>();
        List<SessionSource> sources = new ArrayList<>();
        for (Placement p : layout(records, t0, root.split())) {
            Tally tally = new Tally();
            tallies.put(p.kind(), tally);
            kindOf.put(tally, p.kind());
            Env env = new Env(network, filler, tally);
            sources.add(p.scenario().sessions(env, records.get(p.kind()), p.startNanos(), rngs.get(p.kind())));
        }

        Scheduler scheduler = new Scheduler(sources);
        PacketFramer frames = new PacketFramer();
        long frameCount;
        long bytes;
        try (PcapFileWriter pcap = PcapFileWriter.create(out)) {
            scheduler.run((packet, session) -> {
                int length = frames.build(packet);
                pcap.write(packet.timeNanos(), frames.buffer(), length);
                session.tally().frame(packet.timeNanos());
                if (truth != TruthListener.NONE && packet.opensConnection()) {
                    truth.connection(trueConnection(packet, kindOf.get(session.tally())));
                }
            });
            frameCount = pcap.frames();
            bytes = pcap.bytes();
        }
        return report(out, frameCount, bytes, tallies, scheduler.peakOpenSessions());
    }

    private static TrueConnection trueConnection(Packet p, ScenarioKind kind) {
        return switch (p) {
            case TcpSegment t -> new TrueConnection(t.timeNanos(), ProtocolType.TCP, t.src().address(), t.srcPort(),
                    t.dst().address(), t.dstPort(), kind);
            case UdpDatagram u -> new TrueConnection(u.timeNanos(), ProtocolType.UDP, u.src().address(), u.srcPort(),
                    u.dst().address(), u.dstPort(), kind);
            case IcmpMessage i -> new TrueConnection(i.timeNanos(), ProtocolType.ICMP, i.src().address(), 0,
                    i.dst().address(), 0, kind);
        };
    }

    private record Placement(ScenarioKind kind, Scenario scenario, long startNanos) {
    }

    /**
     * Where each scenario starts: the background from the beginning, each attack in its own
     * slot. When the attacks need more time than the background's default rate fills, the
     * background is slowed to fill it, so no attack runs without normal traffic around it.
     */
    private static List<Placement> layout(Map<ScenarioKind, Integer> records, long t0, RandomGenerator rng) {
        List<Scenario> attacks = new ArrayList<>();
        long attackTime = 0;
        for (Map.Entry<ScenarioKind, Integer> e : records.entrySet()) {
            if (e.getKey().isAttack() && e.getValue() > 0) {
                Scenario s = e.getKey().scenario();
                attacks.add(s);
                attackTime += s.durationNanos(e.getValue());
            }
        }
        int normal = records.getOrDefault(ScenarioKind.NORMAL, 0);
        long background = normal * NormalTraffic.NANOS_PER_RECORD;
        long span = Math.max(background, attackTime + attackTime / 4);
        List<Placement> placements = new ArrayList<>();
        if (normal > 0) {
            placements.add(new Placement(ScenarioKind.NORMAL, new NormalTraffic(span / normal), t0));
        }
        Collections.shuffle(attacks, rng);
        long gap = (span - attackTime) / (attacks.size() + 1);
        long at = t0;
        for (Scenario s : attacks) {
            at += gap;
            placements.add(new Placement(s.kind(), s, at));
            at += s.durationNanos(records.get(s.kind()));
        }
        return placements;
    }

    private static SynthReport report(Path out, long frames, long bytes, Map<ScenarioKind, Tally> tallies, int peak) {
        Map<ScenarioKind, Long> connections = new EnumMap<>(ScenarioKind.class);
        List<SynthReport.AttackEpisode> episodes = new ArrayList<>();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (Map.Entry<ScenarioKind, Tally> e : tallies.entrySet()) {
            Tally t = e.getValue();
            connections.put(e.getKey(), t.records());
            if (t.frames() == 0) {
                continue;
            }
            first = Math.min(first, t.firstNanos());
            last = Math.max(last, t.lastNanos());
            if (e.getKey().isAttack()) {
                episodes.add(new SynthReport.AttackEpisode(e.getKey(), instant(t.firstNanos()), instant(t.lastNanos()),
                        t.attackers().stream().map(Ipv4::format).toList(), t.victims().stream().map(Ipv4::format).toList(),
                        t.records(), t.frames()));
            }
        }
        episodes.sort(java.util.Comparator.comparing(SynthReport.AttackEpisode::start));
        return new SynthReport(out, frames, bytes, instant(first == Long.MAX_VALUE ? 0 : first),
                instant(last == Long.MIN_VALUE ? 0 : last), connections, peak, episodes);
    }

    private static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
