package gatewatch.detector.model;

import gatewatch.features.kdd.KddFeature;
import java.io.Serializable;
import java.util.Arrays;

/**
 * The site's own normal traffic as an isolation baseline ({@code gatewatch learn}): an isolation
 * forest fitted to the connections of a capture of the site, over the model's encoding, and the
 * score below which a connection is typical of the site.
 *
 * <p>It answers the question the KDD baseline cannot: is this connection like what this site
 * always does? KDD's 1998 traffic has no TLS, no QUIC and almost no SSH that was not an attack, so
 * a model trained on it alerts on them; the site baseline lets the {@link Ensemble} tell them
 * apart from what the site has never done.
 *
 * <p>Typical means both: every feature within what the site did (a protocol, service and flag it
 * used; every other feature between its smallest and largest value there), and not isolated by
 * the forest. The first part is there because an isolation forest cannot split on a feature that
 * never varied in its sample: with {@code num_failed_logins} always 0 at the site, a password
 * guess would look as typical as the site's own logins, and a sweep's {@code count} above any the
 * site had would only weigh as much as the forest's random splits let it.
 *
 * <p>And, before either, no volume or error evidence beyond what the site showed for the
 * connection's scope ({@link SiteScopes}): a baseline may clear what the site always does, never
 * a flood, a scan, a sweep or a run of failed logins.
 *
 * @param low          per feature (encoded), the smallest value the site had
 * @param high         per feature (encoded), the largest
 * @param seen         per symbolic feature (encoded), the sorted values the site had; null for others
 * @param scorer       the forest, compiled
 * @param threshold    the {@code quantile} of the site's connections' scores, each scored by a
 *                     forest that did not see it; a score at or below it is typical of the site
 * @param quantile     the share of the learned connections that counts as typical
 * @param connections  connections learned from
 * @param modelVersion the version of the model whose encoding the forest was fitted on
 * @param scopes       per scope, the volume and error evidence the site showed; what it must never clear
 */
public record SiteBaseline(double[] low, double[] high, double[][] seen, IsolationScorer scorer, double threshold, double quantile, long connections,
        String modelVersion, SiteScopes scopes) implements Serializable {

    private static final int F = KddFeature.COUNT_OF_FEATURES;

    public SiteBaseline {
        if (low.length != F || high.length != F || seen.length != F) {
            throw new IllegalArgumentException("site baseline ranges must have 41 entries");
        }
        if (!(threshold > 0 && threshold <= 1) || !(quantile > 0 && quantile < 1) || connections < 1) {
            throw new IllegalArgumentException("site baseline settings out of range");
        }
        if (modelVersion == null || modelVersion.isBlank()) {
            throw new IllegalArgumentException("site baseline without the model version it was learned for");
        }
        if (scopes == null) {
            throw new IllegalArgumentException("site baseline without per-scope bounds (learned by an older gatewatch, "
                    + "which could clear floods and scans); run 'gatewatch learn' again");
        }
    }

    /**
     * True when the connection may be cleared as typical of the site: no volume or error evidence
     * beyond its scope's ({@code raw[rawOff..]}, raw KDD values), and its encoding
     * ({@code x[off..]}) within the site's ranges and not isolated.
     */
    public boolean typical(double[] raw, int rawOff, double[] x, int off) {
        if (scopes.evidence(raw, rawOff) != null) {
            return false;
        }
        for (int j = 0; j < F; j++) {
            double v = x[off + j];
            if (seen[j] != null ? Arrays.binarySearch(seen[j], v) < 0 : v < low[j] || v > high[j]) {
                return false;
            }
        }
        return scorer.score(x, off) <= threshold;
    }
}
