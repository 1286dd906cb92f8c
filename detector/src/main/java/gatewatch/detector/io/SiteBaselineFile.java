package gatewatch.detector.io;

import gatewatch.detector.model.IsolationScorer;
import gatewatch.detector.model.SiteBaseline;
import gatewatch.detector.model.SiteScopes;
import gatewatch.detector.model.TreeArrays;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Reads and writes site-baseline files ({@code gatewatch learn}): a {@link DigestedFile} of kind
 * {@code SITE_BASELINE}, checked as a model file is.
 *
 * <pre>
 *   8 bytes   magic "GWSITE2\n" (format 1, "GWSITE1\n", had no digests)
 *   int       format version (2)
 *   UTF x 3   learn command, creation instant, gatewatch version
 *   long      payload length
 *   32 bytes  SHA-256 of the payload
 *   32 bytes  SHA-256 of the header (every byte before this digest)
 *   payload   gzip of one Java-serialized {@link SiteBaseline}, read through the same kind of
 *             class filter as a model ({@link #ALLOWED})
 * </pre>
 *
 * The model the baseline was learned for is inside it ({@link SiteBaseline#modelVersion()});
 * {@code Ensemble.withSite} refuses a baseline of another model.
 */
public final class SiteBaselineFile {
    static final Set<Class<?>> ALLOWED = Set.of(SiteBaseline.class, SiteScopes.class, IsolationScorer.class, TreeArrays.class,
            double[].class, double[][].class, int[].class, long[].class, String.class);

    /** What a site-baseline file says about itself. */
    public record Header(String command, String createdAt, String gatewatchVersion) {
    }

    /** A site baseline with its header. */
    public record Loaded(Header header, SiteBaseline baseline) {
    }

    private SiteBaselineFile() {
    }

    public static void write(Path file, Header header, SiteBaseline baseline) throws IOException {
        byte[] gzipped = FilteredObjects.gzip(baseline);
        try (OutputStream out = FilteredObjects.create(file)) {
            DigestedFile.write(out, DigestedFile.Kind.SITE_BASELINE,
                    List.of(header.command(), header.createdAt(), header.gatewatchVersion()), gzipped);
        }
    }

    /** Reads a site-baseline file; every refusal is a {@link ModelFileException} ("site baseline FILE: ..."). */
    public static Loaded read(Path file) throws ModelFileException {
        String name = "site baseline " + file;
        DigestedFile.Contents contents = DigestedFile.read(file, name, DigestedFile.Kind.SITE_BASELINE);
        List<String> f = contents.fields();
        return new Loaded(new Header(f.get(0), f.get(1), f.get(2)),
                FilteredObjects.read(contents, name, ALLOWED, SiteBaseline.class, "site baseline"));
    }
}
