package gatewatch.sensor.capture;

/**
 * How to capture on a live interface. Checked when built: a bad value fails with a message that
 * names the field.
 *
 * @param interfaceName  the interface, as {@code ip link} names it ({@code any} for all)
 * @param snaplen        bytes kept of each frame; default {@value #DEFAULT_SNAPLEN}, tcpdump's
 * @param promiscuous    also capture frames not addressed to this host; default true
 * @param bufferSize     kernel ring size in bytes; default 64 MiB: libpcap's 2 MiB default drops
 *                       frames in bursts, and 16 MiB still dropped some at the 200 k frames/s the
 *                       sensor is built for on a loaded 2-core machine, where 64 MiB dropped none
 *                       (BENCHMARKS.md, "Live capture")
 * @param immediate      hand each frame over as it arrives; libpcap then uses a TPACKET_V2 ring
 *                       that wakes the reader for every frame. Default false: a TPACKET_V3 ring
 *                       fills whole blocks and wakes the reader once per block or per
 *                       {@code timeoutMillis}, far fewer wake-ups under load; the added latency
 *                       (at most the timeout) is nothing next to the 2-second feature windows
 * @param timeoutMillis  how long the kernel holds a partly filled block before handing it over;
 *                       default {@value #DEFAULT_TIMEOUT_MILLIS}
 * @param filter         a BPF filter expression, or null for every frame
 */
public record LiveConfig(String interfaceName, int snaplen, boolean promiscuous, int bufferSize,
                         boolean immediate, int timeoutMillis, String filter) {
    public static final int DEFAULT_SNAPLEN = 262_144;
    public static final int MAX_SNAPLEN = 262_144;
    public static final int DEFAULT_BUFFER_SIZE = 64 << 20;
    public static final int MIN_BUFFER_SIZE = 1 << 20;
    public static final int DEFAULT_TIMEOUT_MILLIS = 100;
    public static final int MAX_TIMEOUT_MILLIS = 10_000;
    /** Linux's IFNAMSIZ less the terminating NUL. */
    private static final int MAX_INTERFACE_NAME = 15;

    public LiveConfig {
        if (interfaceName == null || interfaceName.isBlank()) {
            throw new IllegalArgumentException("interfaceName is missing");
        }
        if (interfaceName.length() > MAX_INTERFACE_NAME || !interfaceName.chars().allMatch(c -> c > ' ' && c != '/')) {
            throw new IllegalArgumentException("interfaceName '" + interfaceName
                    + "' is not an interface name (at most 15 characters, no spaces or '/')");
        }
        if (snaplen < 1 || snaplen > MAX_SNAPLEN) {
            throw new IllegalArgumentException("snaplen must be 1.." + MAX_SNAPLEN + ", got " + snaplen);
        }
        if (bufferSize < MIN_BUFFER_SIZE) {
            throw new IllegalArgumentException("bufferSize must be at least " + MIN_BUFFER_SIZE + " bytes, got " + bufferSize);
        }
        if (timeoutMillis < 1 || timeoutMillis > MAX_TIMEOUT_MILLIS) {
            throw new IllegalArgumentException("timeoutMillis must be 1.." + MAX_TIMEOUT_MILLIS + ", got " + timeoutMillis);
        }
        if (filter != null && filter.isBlank()) {
            throw new IllegalArgumentException("filter is blank (leave it out to capture every frame)");
        }
    }

    /** The defaults for one interface: everything, promiscuous, 64 MiB, not immediate. */
    public static LiveConfig of(String interfaceName) {
        return new LiveConfig(interfaceName, DEFAULT_SNAPLEN, true, DEFAULT_BUFFER_SIZE, false, DEFAULT_TIMEOUT_MILLIS, null);
    }

    public LiveConfig withFilter(String bpf) {
        return new LiveConfig(interfaceName, snaplen, promiscuous, bufferSize, immediate, timeoutMillis, bpf);
    }

    public LiveConfig withSnaplen(int bytes) {
        return new LiveConfig(interfaceName, bytes, promiscuous, bufferSize, immediate, timeoutMillis, filter);
    }

    public LiveConfig withPromiscuous(boolean on) {
        return new LiveConfig(interfaceName, snaplen, on, bufferSize, immediate, timeoutMillis, filter);
    }

    public LiveConfig withBufferSize(int bytes) {
        return new LiveConfig(interfaceName, snaplen, promiscuous, bytes, immediate, timeoutMillis, filter);
    }

    public LiveConfig withImmediate(boolean on) {
        return new LiveConfig(interfaceName, snaplen, promiscuous, bufferSize, on, timeoutMillis, filter);
    }

    public LiveConfig withTimeoutMillis(int millis) {
        return new LiveConfig(interfaceName, snaplen, promiscuous, bufferSize, immediate, millis, filter);
    }
}
