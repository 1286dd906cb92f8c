package gatewatch.sensor.http;

import gatewatch.detector.encode.DetectorRow;
import gatewatch.features.kdd.KddFlag;
import gatewatch.features.kdd.KddRecord;
import java.util.Objects;

/**
 * One record to score: its 41 features and, when the record says it, Zeek's {@code conn_state}
 * (the {@code flow} object of a {@code features --json}, records or alert line). Without it the
 * detector's extra column is derived from the 41, as for a KDD'99 row, which for a UDP or ICMP
 * connection answered without payload differs from what the sensor saw.
 *
 * @param connState Zeek's state as the sensor wrote it, or null when the record does not carry one
 */
record ScoreRecord(KddRecord features, KddFlag connState) {
    ScoreRecord {
        Objects.requireNonNull(features, "features");
    }

    /** A record of the 41 features alone (a {@code kddcup.data} line, a bare JSON object). */
    static ScoreRecord of(KddRecord features) {
        return new ScoreRecord(features, null);
    }

    /** Writes the detector's row ({@link DetectorRow}) into {@code dst[offset..]}. */
    void fill(double[] dst, int offset) {
        DetectorRow.fill(features, null, dst, offset);
        if (connState != null) {
            dst[offset + DetectorRow.CONN_STATE] = connState.ordinal();
        }
    }
}
