package gatewatch.sensor.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code capture:} — the live interface and how it is opened.
 *
 * @param iface       interface name ({@code interface} in the file); the command line's
 *                    {@code --interface} overrides it
 * @param filter      BPF filter, empty for none
 * @param snaplen     bytes captured per frame
 * @param promiscuous promiscuous mode
 * @param bufferMib   kernel capture buffer in MiB (at least 16 by default: bursts drop frames with libpcap's 2 MiB)
 * @param immediate   deliver each frame at once instead of in kernel blocks (lower latency, more wake-ups)
 * @param timeoutMs   libpcap's read timeout
 */
public record CaptureSection(
        @JsonProperty("interface") String iface,
        String filter,
        Integer snaplen,
        Boolean promiscuous,
        Integer bufferMib,
        Boolean immediate,
        Integer timeoutMs) {

    public CaptureSection {
        snaplen = snaplen != null ? snaplen : 262_144;
        promiscuous = promiscuous != null ? promiscuous : Boolean.TRUE;
        bufferMib = bufferMib != null ? bufferMib : 64;
        immediate = immediate != null ? immediate : Boolean.FALSE;
        timeoutMs = timeoutMs != null ? timeoutMs : 100;
        filter = filter != null && filter.isBlank() ? null : filter;
        if (snaplen < 64 || snaplen > 262_144) {
            throw new ConfigException("capture.snaplen: must be between 64 and 262144, got " + snaplen);
        }
        if (bufferMib < 1 || bufferMib > 4096) {
            throw new ConfigException("capture.buffer_mib: must be between 1 and 4096, got " + bufferMib);
        }
        if (timeoutMs < 1 || timeoutMs > 10_000) {
            throw new ConfigException("capture.timeout_ms: must be between 1 and 10000, got " + timeoutMs);
        }
    }

    static CaptureSection defaults() {
        return new CaptureSection(null, null, null, null, null, null, null);
    }

    public CaptureSection withIface(String newIface) {
        return new CaptureSection(newIface, filter, snaplen, promiscuous, bufferMib, immediate, timeoutMs);
    }

    public CaptureSection withFilter(String newFilter) {
        return new CaptureSection(iface, newFilter, snaplen, promiscuous, bufferMib, immediate, timeoutMs);
    }
}
