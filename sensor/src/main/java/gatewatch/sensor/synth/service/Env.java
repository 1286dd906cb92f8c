package gatewatch.sensor.synth.service;

import gatewatch.sensor.synth.net.Network;
import gatewatch.sensor.synth.session.Tally;

/** What a scenario's sessions are made with: the network's hosts, the body filler, the scenario's tally. */
public record Env(Network network, Filler filler, Tally tally) {
}
