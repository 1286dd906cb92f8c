package gatewatch.features.notice;

/** Where the capture thread's analyzers send their {@link Notice}s. */
@FunctionalInterface
public interface NoticeSink {
    NoticeSink NONE = n -> { };

    void accept(Notice notice);
}
