package gatewatch.features.extract;

/** Receives each connection record, on the capture thread, in the order they are completed. */
@FunctionalInterface
public interface RecordSink {
    void accept(ConnectionRecord record);
}
