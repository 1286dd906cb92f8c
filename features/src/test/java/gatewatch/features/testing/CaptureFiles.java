package gatewatch.features.testing;

import gatewatch.features.decode.FrameHandler;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small pure-Java reader of capture files for tests and benchmarks (the features module has no
 * libpcap): classic pcap in either byte order with microsecond or nanosecond magic, and pcapng
 * (SHB, IDB, EPB, SPB, OPB; other blocks are skipped) with a link type and {@code if_tsresol} /
 * {@code if_tsoffset} per interface.
 *
 * <p>A damaged file is read up to the damage: every frame before it is handed over, then a
 * {@link DamagedCaptureException} names the byte offset and what is wrong. Nothing else is thrown
 * on file content, and every step moves forward by at least one record header, so it cannot loop.
 */
public final class CaptureFiles {
    /** libpcap's largest accepted record (its {@code MAXIMUM_SNAPLEN}); beyond it a file is damaged. */
    public static final int MAX_RECORD = 262_144;

    private static final int PCAP_MICRO = 0xa1b2c3d4;
    private static final int PCAP_NANO = 0xa1b23c4d;
    private static final int PCAPNG_SHB = 0x0a0d0d0a;
    private static final int PCAPNG_BOM = 0x1a2b3c4d;
    private static final int IDB = 1;
    private static final int OPB = 2;
    private static final int SPB = 3;
    private static final int EPB = 6;
    private static final int OPT_IF_TSRESOL = 9;
    private static final int OPT_IF_TSOFFSET = 14;

    private CaptureFiles() {
    }

    /** One frame as stored in the file; {@code data.length} is the captured length. */
    public record Frame(byte[] data, int wireLen, int linkType, long tsNanos) {
        public int capLen() {
            return data.length;
        }
    }

    /** The file cannot be read past {@link #offset()}; the frames before it were delivered. */
    public static final class DamagedCaptureException extends IOException {
        private final long offset;
        private final int framesRead;

        DamagedCaptureException(Path file, long offset, int framesRead, String what) {
            super(file.getFileName() + ": damaged at byte offset " + offset + " after " + framesRead
                    + " frame(s): " + what);
            this.offset = offset;
            this.framesRead = framesRead;
        }

        public long offset() {
            return offset;
        }

        public int framesRead() {
            return framesRead;
        }
    }

    /** Reads every frame of {@code file} into memory (for small captures and benchmarks). */
    public static List<Frame> readAll(Path file) throws IOException {
        List<Frame> frames = new ArrayList<>();
        read(file, (buf, off, capLen, wireLen, linkType, ts) -> {
            byte[] copy = new byte[capLen];
            System.arraycopy(buf, off, copy, 0, capLen);
            frames.add(new Frame(copy, wireLen, linkType, ts));
        });
        return frames;
    }

    /**
     * Hands every frame of {@code file} to {@code handler}, in file order, and returns how many.
     *
     * @throws DamagedCaptureException at the first damage, after the frames before it
     * @throws IOException             if the file cannot be read or is neither pcap nor pcapng
     */
    public static int read(Path file, FrameHandler handler) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length < 4) {
            throw new DamagedCaptureException(file, 0, 0, "too short for a capture file header");
        }
        int magicBe = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN).getInt(0);
        if (magicBe == PCAPNG_SHB) {
            return new PcapngReader(file, bytes, handler).run();
        }
        if (magicBe == PCAP_MICRO || magicBe == PCAP_NANO) {
            return readPcap(file, bytes, ByteOrder.BIG_ENDIAN, magicBe == PCAP_NANO, handler);
        }
        int magicLe = Integer.reverseBytes(magicBe);
        if (magicLe == PCAP_MICRO || magicLe == PCAP_NANO) {
            return readPcap(file, bytes, ByteOrder.LITTLE_ENDIAN, magicLe == PCAP_NANO, handler);
        }
        throw new IOException(file.getFileName() + ": not a pcap or pcapng file (magic 0x"
                + Integer.toHexString(magicBe) + ")");
    }

    private static int readPcap(Path file, byte[] bytes, ByteOrder order, boolean nanos, FrameHandler handler)
            throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(order);
        if (bytes.length < 24) {
            throw new DamagedCaptureException(file, 0, 0, "pcap file header cut short (" + bytes.length + " bytes)");
        }
        // The upper bits of the link-type word carry FCS information, not the link type.
        int linkType = b.getInt(20) & 0xffff;
        int pos = 24;
        int frames = 0;
        while (pos < bytes.length) {
            if (bytes.length - pos < 16) {
                throw new DamagedCaptureException(file, pos, frames, "record header cut short");
            }
            long sec = Integer.toUnsignedLong(b.getInt(pos));
            long frac = Integer.toUnsignedLong(b.getInt(pos + 4));
            long capLen = Integer.toUnsignedLong(b.getInt(pos + 8));
            long wireLen = Integer.toUnsignedLong(b.getInt(pos + 12));
            if (capLen > MAX_RECORD) {
                throw new DamagedCaptureException(file, pos, frames,
                        "record claims " + capLen + " captured bytes, more than " + MAX_RECORD);
            }
            if (capLen > bytes.length - pos - 16) {
                throw new DamagedCaptureException(file, pos, frames, "record of " + capLen + " bytes cut short");
            }
            long ts = sec * 1_000_000_000L + (nanos ? frac : frac * 1000L);
            handler.onFrame(bytes, pos + 16, (int) capLen, (int) Math.min(Math.max(wireLen, capLen), Integer.MAX_VALUE),
                    linkType, ts);
            frames++;
            pos += 16 + (int) capLen;
        }
        return frames;
    }

    /** pcapng: blocks of (type, length, body, length), byte order set by each section header. */
    private static final class PcapngReader {
        private final Path file;
        private final byte[] bytes;
        private final ByteBuffer b;
        private final FrameHandler handler;
        private final List<Interface> interfaces = new ArrayList<>();
        private ByteOrder sectionOrder = ByteOrder.BIG_ENDIAN;
        private int frames;
        private long lastTs;

        private record Interface(int linkType, long snapLen, boolean decimal, int exponent, long offsetSeconds) {
        }

        PcapngReader(Path file, byte[] bytes, FrameHandler handler) {
            this.file = file;
            this.bytes = bytes;
            this.b = ByteBuffer.wrap(bytes);
            this.handler = handler;
        }

        int run() throws IOException {
            int pos = 0;
            while (pos < bytes.length) {
                if (bytes.length - pos < 12) {
                    throw damaged(pos, "block header cut short");
                }
                int type = b.order(ByteOrder.BIG_ENDIAN).getInt(pos);
                if (type == PCAPNG_SHB) {
                    int bom = b.getInt(pos + 8);
                    if (bom == PCAPNG_BOM) {
                        b.order(ByteOrder.BIG_ENDIAN);
                    } else if (Integer.reverseBytes(bom) == PCAPNG_BOM) {
                        b.order(ByteOrder.LITTLE_ENDIAN);
                    } else {
                        throw damaged(pos, "section header with no byte-order magic");
                    }
                    interfaces.clear();
                } else {
                    b.order(sectionOrder);
                    type = b.getInt(pos);
                }
                sectionOrder = b.order();
                long len = Integer.toUnsignedLong(b.getInt(pos + 4));
                if (len < 12 || len % 4 != 0 || len > bytes.length - pos) {
                    throw damaged(pos, "block length " + len + " is invalid or runs past the end of the file");
                }
                int end = pos + (int) len;
                if (Integer.toUnsignedLong(b.getInt(end - 4)) != len) {
                    throw damaged(pos, "block's trailing length does not match its leading length " + len);
                }
                switch (type) {
                    case IDB -> interfaces.add(readInterface(pos, end));
                    case EPB -> packet(pos, end, Integer.toUnsignedLong(b.getInt(pos + 8)));
                    case OPB -> packet(pos, end, b.getShort(pos + 8) & 0xffff);
                    case SPB -> simplePacket(pos, end);
                    default -> {
                        // Name resolution, statistics, secrets, custom blocks: nothing for the decoder.
                    }
                }
                pos = end;
            }
            return frames;
        }

        private Interface readInterface(int pos, int end) throws DamagedCaptureException {
            if (end - pos < 20) {
                throw damaged(pos, "interface description block too short");
            }
            int linkType = b.getShort(pos + 8) & 0xffff;
            long snapLen = Integer.toUnsignedLong(b.getInt(pos + 12));
            boolean decimal = true;
            int exponent = 6;
            long offsetSeconds = 0;
            int opt = pos + 16;
            int optEnd = end - 4;
            while (opt + 4 <= optEnd) {
                int code = b.getShort(opt) & 0xffff;
                int olen = b.getShort(opt + 2) & 0xffff;
                if (code == 0) {
                    break;
                }
                if (opt + 4 + olen > optEnd) {
                    throw damaged(opt, "interface option " + code + " of " + olen + " bytes runs past its block");
                }
                if (code == OPT_IF_TSRESOL && olen >= 1) {
                    int r = bytes[opt + 4] & 0xff;
                    decimal = (r & 0x80) == 0;
                    exponent = r & 0x7f;
                } else if (code == OPT_IF_TSOFFSET && olen >= 8) {
                    offsetSeconds = b.getLong(opt + 4);
                }
                opt += 4 + ((olen + 3) & ~3);
            }
            return new Interface(linkType, snapLen, decimal, exponent, offsetSeconds);
        }

        /** EPB and OPB (same layout past the interface id): timestamp, captured and original lengths, data. */
        private void packet(int pos, int end, long ifIndex) throws IOException {
            if (end - pos < 32) {
                throw damaged(pos, "packet block too short");
            }
            if (ifIndex >= interfaces.size()) {
                throw damaged(pos, "packet on interface " + ifIndex + " of " + interfaces.size() + " described");
            }
            Interface itf = interfaces.get((int) ifIndex);
            long ts = (Integer.toUnsignedLong(b.getInt(pos + 12)) << 32) | Integer.toUnsignedLong(b.getInt(pos + 16));
            long capLen = Integer.toUnsignedLong(b.getInt(pos + 20));
            long wireLen = Integer.toUnsignedLong(b.getInt(pos + 24));
            int data = pos + 28;
            if (capLen > MAX_RECORD || capLen > end - 4 - data) {
                throw damaged(pos, "packet block claims " + capLen + " captured bytes, more than it holds");
            }
            lastTs = toNanos(itf, ts);
            deliver(data, (int) capLen, wireLen, itf.linkType());
        }

        /** SPB: interface 0, no timestamp (the previous frame's time is kept so time never goes back). */
        private void simplePacket(int pos, int end) throws IOException {
            if (end - pos < 16) {
                throw damaged(pos, "simple packet block too short");
            }
            if (interfaces.isEmpty()) {
                throw damaged(pos, "simple packet block before any interface description");
            }
            Interface itf = interfaces.get(0);
            long wireLen = Integer.toUnsignedLong(b.getInt(pos + 8));
            int data = pos + 12;
            long room = end - 4 - data;
            long capLen = Math.min(wireLen, room);
            if (itf.snapLen() > 0) {
                capLen = Math.min(capLen, itf.snapLen());
            }
            if (capLen > MAX_RECORD) {
                throw damaged(pos, "simple packet block of " + capLen + " bytes, more than " + MAX_RECORD);
            }
            deliver(data, (int) capLen, wireLen, itf.linkType());
        }

        private void deliver(int data, int capLen, long wireLen, int linkType) {
            handler.onFrame(bytes, data, capLen, (int) Math.min(Math.max(wireLen, capLen), Integer.MAX_VALUE),
                    linkType, lastTs);
            frames++;
        }

        private static long toNanos(Interface itf, long ts) {
            long offsetNanos = itf.offsetSeconds() * 1_000_000_000L;
            int e = itf.exponent();
            if (itf.decimal() && e <= 9) {
                return ts * POW10[9 - e] + offsetNanos;
            }
            if (itf.decimal() && e - 9 <= 18) {
                return Long.divideUnsigned(ts, POW10[e - 9]) + offsetNanos;
            }
            BigInteger unitsPerSecond = itf.decimal() ? BigInteger.TEN.pow(e) : BigInteger.TWO.pow(e);
            return new BigInteger(Long.toUnsignedString(ts)).multiply(BigInteger.valueOf(1_000_000_000L))
                    .divide(unitsPerSecond).longValue() + offsetNanos;
        }

        private DamagedCaptureException damaged(long offset, String what) {
            return new DamagedCaptureException(file, offset, frames, what);
        }
    }

    private static final long[] POW10 = {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L,
        10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L, 10_000_000_000_000L, 100_000_000_000_000L,
        1_000_000_000_000_000L, 10_000_000_000_000_000L, 100_000_000_000_000_000L, 1_000_000_000_000_000_000L,
    };
}
