package gatewatch.detector.io;

import gatewatch.detector.model.IsolationScorer;
import gatewatch.detector.model.SiteBaseline;
import gatewatch.detector.model.TreeArrays;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

/**
 * Reads and writes site-baseline files ({@code gatewatch learn}).
 *
 * <pre>
 *   8 bytes   magic "GWSITE1\n"
 *   UTF x 3   learn command, creation instant, gatewatch version
 *   rest      gzip of one Java-serialized {@link SiteBaseline}, read through the same kind of
 *             class filter as a model ({@link #ALLOWED})
 * </pre>
 *
 * The model the baseline was learned for is inside it ({@link SiteBaseline#modelVersion()});
 * {@code Ensemble.withSite} refuses a baseline of another model.
 */
public final class SiteBaselineFile {
    private static final byte[] MAGIC = "GWSITE1\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    static final Set<Class<?>> ALLOWED = Set.of(SiteBaseline.class, IsolationScorer.class, TreeArrays.class,
            double[].class, double[][].class, int[].class, String.class);

    /** What a site-baseline file says about itself. */
    public record Header(String command, String createdAt, String gatewatchVersion) {
    }

    /** A site baseline with its header. */
    public record Loaded(Header header, SiteBaseline baseline) {
    }

    private SiteBaselineFile() {
    }

    public static void write(Path file, Header header, SiteBaseline baseline) throws IOException {
        try (OutputStream out = FilteredObjects.create(file)) {
            DataOutputStream d = new DataOutputStream(out);
            d.write(MAGIC);
            d.writeUTF(header.command());
            d.writeUTF(header.createdAt());
            d.writeUTF(header.gatewatchVersion());
            d.flush();
            FilteredObjects.write(out, baseline);
        }
    }

    public static Loaded read(Path file) throws IOException {
        String name = file.toString();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            DataInputStream d = new DataInputStream(in);
            byte[] magic = new byte[MAGIC.length];
            try {
                d.readFully(magic);
            } catch (EOFException e) {
                throw new ModelFileException(name + ": not a gatewatch site baseline (too short)");
            }
            if (!Arrays.equals(magic, MAGIC)) {
                throw new ModelFileException(name + ": not a gatewatch site baseline (bad magic)"
                        + (new String(magic, java.nio.charset.StandardCharsets.US_ASCII).startsWith("GWMODEL")
                        ? "; it is a model file, give it as the model" : ""));
            }
            Header header = new Header(d.readUTF(), d.readUTF(), d.readUTF());
            return new Loaded(header, FilteredObjects.read(in, name, ALLOWED, SiteBaseline.class, "site baseline"));
        }
    }
}
