package gatewatch.detector.eval;

/** Precision, recall and F1 of one KDD category, with its support (actual rows). */
public record CategoryMetrics(String category, long support, double precision, double recall, double f1) {
}
