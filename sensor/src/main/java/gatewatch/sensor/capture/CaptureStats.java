package gatewatch.sensor.capture;

/**
 * Counters of a packet source, as libpcap's {@code pcap_stats} reports them for a live interface.
 *
 * @param received         frames the kernel handed to the capture socket that passed the filter,
 *                         including those later dropped ({@code ps_recv}); for a file, the frames
 *                         read so far
 * @param dropped          frames dropped because the kernel buffer was full ({@code ps_drop});
 *                         0 for a file
 * @param interfaceDropped frames the interface or its driver dropped ({@code ps_ifdrop}, only
 *                         counted in promiscuous mode on Linux); 0 for a file
 */
public record CaptureStats(long received, long dropped, long interfaceDropped) {
    public static final CaptureStats NONE = new CaptureStats(0, 0, 0);
}
