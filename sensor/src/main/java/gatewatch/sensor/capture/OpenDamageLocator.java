package gatewatch.sensor.capture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where a capture file that libpcap refused to open goes wrong: libpcap's open messages ("block
 * total length in header and trailer don't match") name no position, and an operator with a
 * damaged file wants to know how much of it is sound. libpcap reads only the file header at open
 * (pcap) or the blocks up to the first packet (pcapng: the section header and the interface
 * descriptions), so this walks exactly that much of the structure and names the first part that
 * does not hold together.
 */
final class OpenDamageLocator {
    private static final int PCAPNG_SHB = 0x0A0D0D0A;
    private static final int PCAPNG_IDB = 0x00000001;
    private static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    private static final int PCAP_HEADER = 24;
    /** Blocks walked at most: libpcap's open stops at the first packet block anyway. */
    private static final int MAX_BLOCKS = 64;

    private OpenDamageLocator() {
    }

    /** The byte offset of the first damaged header or block, or -1 if none is found (or the file cannot be read). */
    static long locate(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            ByteBuffer head = read(ch, 0, 12);
            if (head.remaining() < 4) {
                return 0;
            }
            if (head.order(ByteOrder.BIG_ENDIAN).getInt(0) == PCAPNG_SHB) {
                return walkPcapng(ch, size);
            }
            // A classic pcap file: libpcap reads its 24-byte header and nothing else at open.
            return size < PCAP_HEADER ? size : 0;
        } catch (IOException e) {
            return -1;
        }
    }

    private static long walkPcapng(FileChannel ch, long size) throws IOException {
        ByteOrder order = null;
        long at = 0;
        for (int i = 0; i < MAX_BLOCKS && at < size; i++) {
            ByteBuffer b = read(ch, at, 12);
            if (b.remaining() < 12) {
                return at; // a block header cut off by the end of the file
            }
            int type = b.order(ByteOrder.BIG_ENDIAN).getInt(0);
            if (type == PCAPNG_SHB) {
                int magic = b.order(ByteOrder.BIG_ENDIAN).getInt(8);
                if (magic == BYTE_ORDER_MAGIC) {
                    order = ByteOrder.BIG_ENDIAN;
                } else if (Integer.reverseBytes(magic) == BYTE_ORDER_MAGIC) {
                    order = ByteOrder.LITTLE_ENDIAN;
                } else {
                    return at + 8;
                }
            } else if (order == null) {
                return at;
            }
            b.order(order);
            type = b.getInt(0);
            long length = Integer.toUnsignedLong(b.getInt(4));
            if (length < 12 || length % 4 != 0 || at + length > size) {
                return at;
            }
            ByteBuffer trailer = read(ch, at + length - 4, 4).order(order);
            if (trailer.remaining() < 4 || Integer.toUnsignedLong(trailer.getInt(0)) != length) {
                return at;
            }
            if (type != PCAPNG_SHB && type != PCAPNG_IDB) {
                return -1; // the first packet (or other) block: open would have read no further
            }
            at += length;
        }
        return -1;
    }

    private static ByteBuffer read(FileChannel ch, long position, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n);
        while (b.hasRemaining()) {
            if (ch.read(b, position + b.position()) < 0) {
                break;
            }
        }
        return b.flip();
    }
}
