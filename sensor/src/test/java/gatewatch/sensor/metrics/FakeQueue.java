package gatewatch.sensor.metrics;

/** A queue view whose numbers a test sets. */
final class FakeQueue implements QueueView {
    private final String name;
    private final int capacity;
    volatile int depth;
    volatile long offered;
    volatile long dropped;

    FakeQueue(String name, int capacity) {
        this.name = name;
        this.capacity = capacity;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int depth() {
        return depth;
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public long offered() {
        return offered;
    }

    @Override
    public long dropped() {
        return dropped;
    }
}
