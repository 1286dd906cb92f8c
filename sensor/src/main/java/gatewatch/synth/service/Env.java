package gatewatch.synth.service;

import gatewatch.synth.net.Network;
import gatewatch.synth.session.Tally;

/** What a scenario's sessions are made with: the network's hosts, the body filler, the scenario's tally. */
public record Env(Network network, Filler filler, Tally tally) {
}
