package gatewatch.synth.truth;

import gatewatch.features.kdd.ProtocolType;
import gatewatch.synth.scenario.ScenarioKind;

/**
 * One connection of a synthetic capture as the synthesizer made it: the key of the record the
 * feature extractor makes of it (start time, protocol, originator and responder with their
 * ports; 0 for ICMP, as the extractor records it) and the scenario it belongs to.
 *
 * @param startNanos time of its first packet, nanoseconds since the epoch (the record's start)
 * @param orig       the originator's IPv4 address as an int
 */
public record TrueConnection(long startNanos, ProtocolType protocol, int orig, int origPort, int resp, int respPort,
                             ScenarioKind kind) {
}
