package gatewatch.features.conn;

/**
 * The timer a connection is waiting on. Each class has one timeout, so connections of a class
 * kept in order of last activity expire from the front of their list only.
 */
enum TimeoutClass {
    TCP_ATTEMPT,
    TCP_CLOSED,
    TCP_ACTIVE,
    UDP
}
