package gatewatch.features.content;

/**
 * Commands sent and not yet answered, oldest first, so that each reply is matched with the
 * command it answers even when the client sends several at once (SMTP PIPELINING, RFC 2920; POP3
 * PIPELINING, RFC 2449) or the capture shows them ahead of the replies. Commands are small
 * codes (an enum's ordinal); past {@link #CAPACITY} outstanding, the oldest are forgotten.
 */
final class CommandQueue {
    static final int CAPACITY = 32;
    static final int NONE = -1;

    private final int[] ring = new int[CAPACITY];
    private int head;
    private int size;

    void clear() {
        head = 0;
        size = 0;
    }

    void push(int command) {
        if (size == CAPACITY) {
            head = (head + 1) % CAPACITY;
            size--;
        }
        ring[(head + size) % CAPACITY] = command;
        size++;
    }

    /** The oldest unanswered command, removed; {@link #NONE} when there is none. */
    int pop() {
        if (size == 0) {
            return NONE;
        }
        int c = ring[head];
        head = (head + 1) % CAPACITY;
        size--;
        return c;
    }

    /** The newest command, or {@link #NONE}. */
    int newest() {
        return size == 0 ? NONE : ring[(head + size - 1) % CAPACITY];
    }

    boolean isEmpty() {
        return size == 0;
    }
}
