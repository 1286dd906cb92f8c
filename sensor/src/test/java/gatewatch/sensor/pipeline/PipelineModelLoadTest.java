package gatewatch.sensor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.detector.model.Ensemble;
import gatewatch.features.testing.BundledCapture;
import gatewatch.sensor.alert.AlertLimit;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replay reads its capture while its model still loads: the detector thread takes the model
 * when it starts, and a model that fails to load fails that stage, not the run's start.
 */
class PipelineModelLoadTest {
    @TempDir
    static Path tmp;

    private static Ensemble ensemble;
    private static Path capture;

    @BeforeAll
    static void load() {
        ensemble = Ensemble.loadDefault();
        capture = BundledCapture.PCAP.copyTo(tmp);
    }

    private static Pipeline pipeline(Supplier<Ensemble> model) {
        return new Pipeline(PipelineSettings.defaults(), FullQueuePolicy.BLOCK, model,
                new Outputs(null, null, null, List.of(), "test", AlertLimit.DEFAULT), LatencyRecorder.NONE);
    }

    @Test
    void theCaptureIsReadBeforeTheModelIsThereAndTheVerdictsAreTheSame() {
        AtomicReference<Pipeline> running = new AtomicReference<>();
        AtomicReference<String> askedOn = new AtomicReference<>();
        // The model is handed over only once the capture thread has read every frame.
        Pipeline late = pipeline(() -> {
            askedOn.set(Thread.currentThread().getName());
            while (running.get().extractor().decodeCounters().frames() < BundledCapture.FRAMES) {
                Thread.onSpinWait();
            }
            return ensemble;
        });
        running.set(late);
        Summary withLateModel = late.replay(List.of(capture), ReplaySpeed.MAX);
        Summary withModel = pipeline(() -> ensemble).replay(List.of(capture), ReplaySpeed.MAX);

        assertThat(late.failure()).isNull();
        assertThat(askedOn.get()).isEqualTo("gatewatch-detector");
        assertThat(withLateModel.frames()).isEqualTo(BundledCapture.FRAMES);
        assertThat(withLateModel.connections()).isEqualTo(BundledCapture.CONNECTIONS);
        assertThat(withLateModel.alertsByCategory()).isEqualTo(withModel.alertsByCategory());
    }

    @Test
    void aModelThatFailsToLoadFailsTheDetectorStageAndTheRunEnds() {
        IllegalStateException refused = new IllegalStateException("model m.gwm: damaged at byte 3: digest");
        Pipeline p = pipeline(() -> {
            throw refused;
        });
        p.replay(List.of(capture), ReplaySpeed.MAX);
        assertThat(p.failure()).isSameAs(refused);
    }
}
