package gatewatch.features.extract;

import gatewatch.features.conn.ConnectionSummary;
import gatewatch.features.kdd.KddRecord;

/**
 * A finished connection with its 41 KDD features: what the extractor hands to the detector and
 * to record writers.
 *
 * @param conn     endpoints, times, history and counters of the connection
 * @param features the 41 KDD features
 */
public record ConnectionRecord(ConnectionSummary conn, KddRecord features) {
}
