package gatewatch.sensor.forward;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Finds the file descriptor of this process's TCP socket for a given pair of endpoints, without
 * reaching into JDK internals: the socket's inode comes from {@code /proc/self/net/tcp} (or
 * {@code tcp6}), and the descriptor is the entry of {@code /proc/self/fd} that links to
 * {@code socket:[inode]}. Done once per connection, so the cost (a few hundred small reads) does
 * not matter.
 */
final class SocketFdLocator {
    /** Reads of the tables before giving up on a socket they do not list. */
    private static final int READS = 3;

    private final Path procNet;
    private final Path fdDir;

    SocketFdLocator() {
        this(Path.of("/proc/self/net"), Path.of("/proc/self/fd"));
    }

    SocketFdLocator(Path procNet, Path fdDir) {
        this.procNet = procNet;
        this.fdDir = fdDir;
    }

    /** The descriptor, or empty when the socket is not found exactly once. */
    OptionalInt find(InetSocketAddress local, InetSocketAddress remote) {
        long inode = findInode(local, remote);
        if (inode <= 0) {
            return OptionalInt.empty();
        }
        String target = "socket:[" + inode + "]";
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(fdDir)) {
            for (Path fd : fds) {
                try {
                    if (Files.readSymbolicLink(fd).toString().equals(target)) {
                        return OptionalInt.of(Integer.parseInt(fd.getFileName().toString()));
                    }
                } catch (IOException | NumberFormatException e) {
                    // A descriptor closed while we looked, or not a number: not ours.
                }
            }
        } catch (IOException e) {
            return OptionalInt.empty();
        }
        return OptionalInt.empty();
    }

    /**
     * The socket's inode, or -1. {@code /proc/net/tcp} is not a snapshot: it is read in pieces
     * while connections come and go, and a piece can skip or repeat a line when the table changed
     * under it. So a socket not listed is looked for again, and a line listed twice is one socket.
     */
    private long findInode(InetSocketAddress local, InetSocketAddress remote) {
        for (int read = 0; read < READS; read++) {
            Set<Long> inodes = listedInodes(local, remote);
            if (inodes.size() == 1) {
                return inodes.iterator().next();
            }
            if (inodes.size() > 1) {
                return -1; // two live sockets with these endpoints: better no probe than the wrong socket
            }
        }
        return -1;
    }

    private Set<Long> listedInodes(InetSocketAddress local, InetSocketAddress remote) {
        Set<Long> inodes = new HashSet<>();
        for (String table : List.of("tcp", "tcp6")) {
            List<String> lines;
            try {
                lines = Files.readAllLines(procNet.resolve(table));
            } catch (IOException e) {
                continue;
            }
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String[] f = line.trim().split("\\s+");
                if (f.length < 10 || !matches(f[1], local) || !matches(f[2], remote)) {
                    continue;
                }
                long inode = Long.parseLong(f[9]);
                // Inode 0 is a socket no descriptor owns: a TIME_WAIT left by an earlier
                // connection with the same endpoints (loopback reuses them at once), or an orphan.
                if (inode > 0) {
                    inodes.add(inode);
                }
            }
        }
        return inodes;
    }

    /** {@code /proc/net/tcp*} writes "ADDR:PORT" in hex, each 32-bit word of the address in host (little-endian) order. */
    static boolean matches(String field, InetSocketAddress endpoint) {
        int colon = field.indexOf(':');
        if (colon < 0 || Integer.parseInt(field.substring(colon + 1), 16) != endpoint.getPort()) {
            return false;
        }
        byte[] bytes = decode(field.substring(0, colon));
        InetAddress address = endpoint.getAddress();
        return bytes != null && address != null && sameAddress(bytes, address);
    }

    private static byte[] decode(String hex) {
        if (hex.length() != 8 && hex.length() != 32) {
            return null;
        }
        byte[] raw = HexFormat.of().parseHex(hex);
        for (int w = 0; w < raw.length; w += 4) {
            byte b0 = raw[w], b1 = raw[w + 1];
            raw[w] = raw[w + 3];
            raw[w + 1] = raw[w + 2];
            raw[w + 2] = b1;
            raw[w + 3] = b0;
        }
        return raw;
    }

    private static boolean sameAddress(byte[] kernel, InetAddress address) {
        byte[] want = address.getAddress();
        if (kernel.length == want.length) {
            return java.util.Arrays.equals(kernel, want);
        }
        // A dual-stack socket lists an IPv4 peer as ::ffff:a.b.c.d in tcp6.
        if (kernel.length == 16 && address instanceof Inet4Address) {
            for (int i = 0; i < 10; i++) {
                if (kernel[i] != 0) {
                    return false;
                }
            }
            return kernel[10] == (byte) 0xff && kernel[11] == (byte) 0xff
                    && java.util.Arrays.equals(kernel, 12, 16, want, 0, 4);
        }
        return false;
    }
}
