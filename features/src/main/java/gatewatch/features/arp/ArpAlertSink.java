package gatewatch.features.arp;

/** Where {@link ArpWatch} sends its alerts (on the capture thread). */
@FunctionalInterface
public interface ArpAlertSink {
    ArpAlertSink NONE = a -> { };

    void accept(ArpAlert alert);
}
