package gatewatch.sensor.capture;

import gatewatch.features.decode.FrameHandler;
import java.nio.file.Path;
import org.pcap4j.core.PcapHandle;

/**
 * Finds where a damaged capture file stops being readable: the byte offset right after the last
 * frame libpcap delivered, which is where the bad record (or the block in front of it) starts, so
 * {@code head -c OFFSET} of the file is a clean capture.
 *
 * <p>Where libpcap's stream stands when it reports the error says little (it has read a bad record
 * header, or run into the end of the file). Asking the stream's position after every frame would
 * cost every frame; instead, once the error is known, the file is opened again, the frames that were
 * good are skipped, and the position is taken then. Damage is rare, so the second pass is cheap.
 */
final class DamageLocator {
    private DamageLocator() {
    }

    /** The offset after the first {@code frames} frames of {@code file}, or -1 if it cannot be told. */
    static long offsetAfter(Path file, long frames) {
        PcapHandle handle;
        try {
            handle = PcapFileSource.openHandle(file);
        } catch (CaptureOpenException e) {
            return -1;
        }
        try (FrameReader reader = new FrameReader(NativePcap.pcapOf(handle))) {
            if (frames > 0 && reader.readUntilIdle(new CountingStop(reader, frames)) != FrameReader.STOPPED) {
                return -1; // fewer good frames than the first pass saw: the file changed under us
            }
            return NativePcap.filePosition(reader.pcap());
        } finally {
            handle.close();
        }
    }

    /** Stops the reader once it has delivered {@code limit} frames. */
    private static final class CountingStop implements FrameHandler {
        private final FrameReader reader;
        private long left;

        CountingStop(FrameReader reader, long limit) {
            this.reader = reader;
            this.left = limit;
        }

        @Override
        public void onFrame(byte[] buf, int offset, int capLen, int wireLen, int linkType, long tsNanos) {
            if (--left == 0) {
                reader.requestStop();
            }
        }
    }
}
