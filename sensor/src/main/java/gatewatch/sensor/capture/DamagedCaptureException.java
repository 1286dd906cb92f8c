package gatewatch.sensor.capture;

import java.nio.file.Path;

/**
 * A capture file that libpcap stopped reading part-way: a record header with an impossible length,
 * a record cut short by the end of the file, a broken pcapng block, or content libpcap does not
 * support past that point (a pcapng whose interfaces have different link types). Every frame
 * before that point has been delivered when this is thrown; the caller keeps what it read and
 * reports the one-line message.
 */
public final class DamagedCaptureException extends CaptureException {
    private final Path file;
    private final long offset;
    private final long framesDelivered;

    /**
     * @param offset          byte offset of the first byte after the last frame delivered: where
     *                        the unreadable record (or the block before it) starts; -1 if unknown
     * @param framesDelivered frames delivered before the damage
     */
    public DamagedCaptureException(Path file, long offset, String reason, long framesDelivered) {
        super("capture file " + file + " unreadable from byte offset " + offset
                + ", after " + framesDelivered + " frames: " + oneLine(reason),
                file.toString(), oneLine(reason), null);
        this.file = file;
        this.offset = offset;
        this.framesDelivered = framesDelivered;
    }

    public Path file() {
        return file;
    }

    public long offset() {
        return offset;
    }

    public long framesDelivered() {
        return framesDelivered;
    }
}
