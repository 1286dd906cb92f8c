package gatewatch.sensor.capture;

import java.util.List;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.Pcaps;

/** What the libpcap in use is and which interfaces it can capture on (for {@code --version} and messages). */
public final class PcapInfo {
    /** One interface libpcap can open. */
    public record Interface(String name, String description, boolean loopback, boolean up) {
    }

    private PcapInfo() {
    }

    /** libpcap's own version line, e.g. {@code libpcap version 1.10.3 (with TPACKET_V3)}. */
    public static String libraryVersion() {
        return Pcaps.libVersion();
    }

    /**
     * The interfaces libpcap lists (may be fewer without capture permission).
     *
     * @throws CaptureOpenException libpcap could not list them
     */
    public static List<Interface> interfaces() throws CaptureOpenException {
        try {
            return Pcaps.findAllDevs().stream()
                    .map(PcapInfo::describe)
                    .toList();
        } catch (PcapNativeException e) {
            throw new CaptureOpenException(CaptureOpenException.Kind.INTERFACE, "(all)", e.getMessage(), e);
        }
    }

    private static Interface describe(PcapNetworkInterface nif) {
        return new Interface(nif.getName(), nif.getDescription() == null ? "" : nif.getDescription(),
                nif.isLoopBack(), nif.isUp());
    }
}
