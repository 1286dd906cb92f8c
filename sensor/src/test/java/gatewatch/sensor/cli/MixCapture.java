package gatewatch.sensor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

/** A synthesized capture of 2,000 connections (normal traffic, a SYN flood, two sweeps) over about two minutes. */
final class MixCapture {
    /** Its frames. */
    static final long FRAMES = 15_526;

    private MixCapture() {
    }

    static Path write(Path dir) {
        Path capture = dir.resolve("mix.pcap");
        CliRun synth = CliRun.of("synth", "--out", capture.toString(), "--connections", "2000", "--seed", "11",
                "--mix", "normal=40,neptune=30,portsweep=15,ipsweep=15");
        assertThat(synth.exitCode()).as(synth.err()).isZero();
        return capture;
    }
}
