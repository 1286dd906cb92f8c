package gatewatch.sensor.forward;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON-lines receiver on loopback for tests: counts each alert by its {@code id}, so that
 * duplicates and losses show. Processes every complete line as soon as its bytes are read, as a
 * real receiver would. {@link #stop()} closes the listening socket and every connection the way
 * a receiver going down does: it stops reading, and closes.
 */
final class JsonLinesReceiver implements AutoCloseable {
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private final Map<Integer, AtomicInteger> copies = new ConcurrentHashMap<>();
    private final AtomicInteger malformed = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger closedWithUnread = new AtomicInteger();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;
    private volatile boolean stopping;
    private volatile boolean paused;
    private volatile boolean aborting;
    private int port;

    /** Listens on an ephemeral port of 127.0.0.1. */
    JsonLinesReceiver start() throws IOException {
        return start(0);
    }

    /** Listens on the given port of 127.0.0.1 (0 for any). */
    JsonLinesReceiver start(int onPort) throws IOException {
        stopping = false;
        paused = false;
        aborting = false;
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true); // restart on the same port while old connections linger in TIME_WAIT
        s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), onPort), 50);
        server = s;
        port = s.getLocalPort();
        Thread acceptor = Thread.ofPlatform().daemon().name("jsonl-accept").start(() -> accept(s));
        threads.add(acceptor);
        return this;
    }

    int port() {
        return port;
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket c = s.accept();
                connections.incrementAndGet();
                open.add(c);
                threads.add(Thread.ofPlatform().daemon().name("jsonl-read").start(() -> read(c)));
            } catch (IOException e) {
                return; // closed by stop()
            }
        }
    }

    private void read(Socket c) {
        byte[] buf = new byte[64 * 1024];
        StringBuilder partial = new StringBuilder();
        try (c) {
            c.setSoTimeout(10);
            InputStream in = c.getInputStream();
            while (true) {
                if (paused && !stopping) {
                    Thread.sleep(5); // behind: the bytes pile up in the socket, acknowledged but unread
                    continue;
                }
                if (aborting) {
                    if (in.available() > 0) {
                        closedWithUnread.incrementAndGet();
                    }
                    return; // dies with what its socket holds
                }
                int n;
                try {
                    n = in.read(buf);
                } catch (SocketTimeoutException e) {
                    n = 0;
                }
                if (n < 0) {
                    return;
                }
                process(buf, n, partial);
                if (stopping) {
                    // Going down: what was read is processed; then close. Anything that arrives
                    // after this point is refused by the kernel with a RST.
                    while (in.available() > 0) {
                        process(buf, in.read(buf), partial);
                    }
                    if (in.available() > 0) {
                        closedWithUnread.incrementAndGet();
                    }
                    return;
                }
            }
        } catch (IOException e) {
            // reset by the peer or closed: the connection is over
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(c);
        }
    }

    private void process(byte[] buf, int n, StringBuilder partial) {
        partial.append(new String(buf, 0, n, StandardCharsets.UTF_8));
        int nl;
        while ((nl = partial.indexOf("\n")) >= 0) {
            String line = partial.substring(0, nl);
            partial.delete(0, nl + 1);
            Matcher m = ID.matcher(line);
            if (line.startsWith("{") && line.endsWith("}") && m.find()) {
                copies.computeIfAbsent(Integer.parseInt(m.group(1)), k -> new AtomicInteger()).incrementAndGet();
            } else {
                malformed.incrementAndGet();
            }
        }
    }

    /** Stops reading (a receiver that falls behind); the forwarder's bytes wait in the socket. */
    void pause() {
        paused = true;
    }

    /**
     * Goes away at once without reading what its sockets hold (a crash, or a receiver that was
     * behind): the kernel answers with RST and drops the unread bytes.
     */
    void abort() throws IOException, InterruptedException {
        aborting = true;
        stop();
    }

    /** Closes the listening socket and every connection, and waits until they are closed. */
    void stop() throws IOException, InterruptedException {
        stopping = true;
        ServerSocket s = server;
        if (s != null) {
            s.close();
        }
        for (Thread t : threads) {
            t.join(5_000);
        }
        threads.clear();
        for (Socket c : open) {
            c.close();
        }
    }

    /** How many copies of each id arrived. */
    Map<Integer, AtomicInteger> copies() {
        return copies;
    }

    int received() {
        return copies.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    int malformed() {
        return malformed.get();
    }

    int connections() {
        return connections.get();
    }

    int closedWithUnread() {
        return closedWithUnread.get();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        stop();
    }
}
