package gatewatch.sensor.capture;

import gatewatch.features.encode.PcapFileWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes capture files with exactly the records a test wants, for checks libpcap cannot fudge:
 * classic pcap through the project's one pcap writer ({@link PcapFileWriter}), and pcapng, which
 * only tests write.
 */
final class PcapWriter {
    /** One record: its bytes are what is captured; {@code wireLen} may differ. */
    record Record(long tsNanos, byte[] data, int wireLen) {
    }

    private PcapWriter() {
    }

    /** Writes a little-endian pcap with microsecond ({@code a1b2c3d4}) or nanosecond ({@code a1b23c4d}) stamps. */
    static Path write(Path file, boolean nano, int linkType, int snaplen, List<Record> records) throws IOException {
        try (PcapFileWriter w = PcapFileWriter.create(file, nano, linkType, snaplen)) {
            for (Record r : records) {
                w.write(r.tsNanos(), r.data(), 0, r.data().length, r.wireLen());
            }
        }
        return file;
    }

    /** A pcapng interface with one packet (microsecond stamps, the pcapng default). */
    record Interface(int linkType, Record packet) {
    }

    /**
     * Writes a little-endian pcapng: a section header, then for each interface its description
     * block followed by one enhanced packet block.
     *
     * @return the offset of each interface description block
     */
    static List<Long> writePcapng(Path file, List<Interface> interfaces) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(28 + interfaces.stream()
                .mapToInt(i -> 20 + 32 + padded(i.packet().data().length)).sum()).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x0a0d0d0a).putInt(28).putInt(0x1a2b3c4d).putShort((short) 1).putShort((short) 0)
                .putLong(-1).putInt(28);
        List<Long> idbOffsets = new java.util.ArrayList<>();
        for (int id = 0; id < interfaces.size(); id++) {
            Interface i = interfaces.get(id);
            idbOffsets.add((long) b.position());
            b.putInt(1).putInt(20).putShort((short) i.linkType()).putShort((short) 0).putInt(0).putInt(20);
            byte[] data = i.packet().data();
            long micros = i.packet().tsNanos() / 1000;
            int len = 32 + padded(data.length);
            b.putInt(6).putInt(len).putInt(id).putInt((int) (micros >>> 32)).putInt((int) micros)
                    .putInt(data.length).putInt(i.packet().wireLen()).put(data)
                    .put(new byte[padded(data.length) - data.length]).putInt(len);
        }
        Files.write(file, b.array());
        return idbOffsets;
    }

    private static int padded(int n) {
        return (n + 3) & ~3;
    }

    /** Byte offsets at which each record of a classic little-endian pcap starts. */
    static List<Long> recordOffsets(byte[] pcap) {
        ByteBuffer b = ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN);
        List<Long> offsets = new java.util.ArrayList<>();
        int at = 24;
        while (at + 16 <= pcap.length) {
            offsets.add((long) at);
            at += 16 + b.getInt(at + 8);
        }
        return offsets;
    }
}
