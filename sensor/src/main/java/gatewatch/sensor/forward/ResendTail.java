package gatewatch.sensor.forward;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies of the last alerts the kernel took on a TCP forwarder's connections, to be written again
 * first when a connection ends: plain TCP does not say which of them the receiver read, so the
 * receiver may get some twice, but none of them is lost. An alert is dropped from the tail once
 * at least {@code boundBytes} were taken after it. Its JSON's length stands for its size: the
 * bytes on the wire are never fewer. Event loop only; one per forwarder, across its connections.
 */
final class ResendTail {
    private final long boundBytes;
    private final ArrayDeque<ForwardedAlert> alerts = new ArrayDeque<>();
    private long bytes;

    ResendTail(long boundBytes) {
        this.boundBytes = boundBytes;
    }

    /** The kernel took this alert (or it is to be written again): it is now the newest. */
    void add(ForwardedAlert alert) {
        alerts.addLast(alert);
        bytes += alert.json().length();
        while (bytes - alerts.peekFirst().json().length() >= boundBytes) {
            bytes -= alerts.pollFirst().json().length();
        }
    }

    /** Empties the tail: its alerts, oldest first, for the next connection to write again. */
    List<ForwardedAlert> takeAll() {
        List<ForwardedAlert> out = new ArrayList<>(alerts);
        alerts.clear();
        bytes = 0;
        return out;
    }

    int size() {
        return alerts.size();
    }
}
