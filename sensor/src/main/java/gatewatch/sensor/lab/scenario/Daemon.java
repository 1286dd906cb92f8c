package gatewatch.sensor.lab.scenario;

/** A background process a scenario started; the runner stops it at the end if the scenario did not. */
public interface Daemon {
    long pid();

    boolean isAlive();

    /** Its output so far. */
    String output();

    /** SIGTERM, then SIGKILL after a few seconds; waits for it to end. */
    void stop();

    /** Waits until it ends by itself (a client started in the background); false if still running after {@code seconds}. */
    boolean await(long seconds);
}
