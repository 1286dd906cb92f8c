package gatewatch.sensor.capture;

import gatewatch.features.decode.FrameHandler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A handler for tests that keeps a copy of every frame it is handed. */
final class FrameRecorder implements FrameHandler {
    /** One delivered frame, its bytes copied out of the reused buffer. */
    record Frame(byte[] bytes, int capLen, int wireLen, int linkType, long tsNanos) {
    }

    final List<Frame> frames = new ArrayList<>();

    @Override
    public void onFrame(byte[] buf, int offset, int capLen, int wireLen, int linkType, long tsNanos) {
        frames.add(new Frame(Arrays.copyOfRange(buf, offset, offset + capLen), capLen, wireLen, linkType, tsNanos));
    }

    int size() {
        return frames.size();
    }

    Frame get(int i) {
        return frames.get(i);
    }

    List<Long> timestamps() {
        return frames.stream().map(Frame::tsNanos).toList();
    }
}
