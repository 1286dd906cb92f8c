package gatewatch.synth.session;

import gatewatch.synth.net.Host;

/** The two ends of one TCP connection and the path between them. */
public record Link(Host originator, int originatorPort, Host responder, int responderPort, long rttNanos,
                   long bitsPerSecond) {
}
