package gatewatch.sensor.alert.bench;

import gatewatch.detector.model.Category;
import gatewatch.detector.model.Verdict;
import gatewatch.features.extract.ConnectionRecord;
import gatewatch.features.extract.FeatureExtractor;
import gatewatch.features.testing.BundledCapture;
import gatewatch.features.testing.CaptureFiles;
import gatewatch.sensor.alert.EventJson;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Nanoseconds and bytes allocated per alert line ({@link EventJson#alert}): the sink thread's work
 * for every connection when a flood or a scan makes most connections alerts. The connections are
 * those of the bundled capture (TCP, UDP and ICMP, normal and attacks), written in turn with three
 * verdicts, on one thread; bytes are the thread's allocation ({@code com.sun.management.ThreadMXBean}).
 *
 * <p>With {@code --paired BASE_CLASSES NEW_CLASSES}, two builds of the sensor module, each in its
 * own class loader, take turns round by round (the order swapped every round): on this shared
 * machine separate runs drift by more than the difference being measured.
 *
 * <p>Run: {@code sensor/bench/run-alert-json-bench.sh [--paired BASE_CLASSES] [N] [ROUNDS]}
 */
public final class AlertLineBench {
    private final ConnectionRecord[] records;
    private final Verdict[] verdicts = {
            new Verdict(Category.DOS, "neptune", 0.98765, 0.61234, List.of("count", "serror_rate", "flag")),
            new Verdict(Category.PROBE, "portsweep", 0.8123, 0.5521, List.of("dst_host_srv_diff_host_rate")),
            new Verdict(Category.ANOMALY, "anomaly", 0.5, 0.9012, List.of()),
    };
    private final EventJson json = new EventJson("gw-bench", "eth0");
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private long checksum;

    public AlertLineBench() throws Exception {
        List<ConnectionRecord> out = new ArrayList<>();
        FeatureExtractor fx = new FeatureExtractor(FeatureExtractor.ExtractorConfig.defaults(), out::add);
        Path tmp = Files.createTempDirectory("alert-bench");
        CaptureFiles.read(BundledCapture.PCAP.copyTo(tmp), fx);
        fx.finish();
        records = out.toArray(ConnectionRecord[]::new);
    }

    /** The {@code i}-th line of a round. */
    public byte[] line(int i) {
        return json.alert(records[i % records.length], verdicts[i % verdicts.length]);
    }

    /** @return wall ns per line, bytes allocated per line, bytes per line written, a checksum, CPU ns per line */
    public double[] round(int n) {
        long tid = Thread.currentThread().threadId();
        long alloc0 = threads.getThreadAllocatedBytes(tid);
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long len = 0;
        for (int i = 0; i < n; i++) {
            byte[] line = line(i);
            len += line.length;
            checksum += line[line.length / 2];
        }
        long t1 = System.nanoTime();
        long cpu1 = threads.getCurrentThreadCpuTime();
        long alloc1 = threads.getThreadAllocatedBytes(tid);
        return new double[] {(t1 - t0) / (double) n, (alloc1 - alloc0) / (double) n, len / (double) n, checksum,
            (cpu1 - cpu0) / (double) n};
    }

    public static void main(String[] args) throws Exception {
        boolean paired = args.length > 0 && args[0].equals("--paired");
        int at = paired ? 3 : 0;
        int n = args.length > at ? Integer.parseInt(args[at]) : 200_000;
        int rounds = args.length > at + 1 ? Integer.parseInt(args[at + 1]) : 15;
        String[] names = paired ? new String[] {"base", "new"} : new String[] {"this"};
        Object[] runs = new Object[names.length];
        Method[] round = new Method[names.length];
        for (int i = 0; i < names.length; i++) {
            Class<?> c = paired ? load(args[1 + i]) : AlertLineBench.class;
            runs[i] = c.getConstructor().newInstance();
            round[i] = c.getMethod("round", int.class);
        }
        double[][] ns = new double[names.length][rounds];
        double[][] cpu = new double[names.length][rounds];
        double[][] bytes = new double[names.length][rounds];
        double[] lineBytes = new double[names.length];
        int warmup = 5;
        for (int k = -warmup; k < rounds; k++) {
            for (int j = 0; j < names.length; j++) {
                int i = Math.floorMod(k, 2) == 0 ? j : names.length - 1 - j;
                double[] r = (double[]) round[i].invoke(runs[i], n);
                if (k >= 0) {
                    ns[i][k] = r[0];
                    cpu[i][k] = r[4];
                    bytes[i][k] = r[1];
                    lineBytes[i] = r[2];
                }
            }
        }
        System.out.printf("alert lines: %d lines a round, %d rounds after %d warm-up%n", n, rounds, warmup);
        for (int i = 0; i < names.length; i++) {
            double[] s = ns[i].clone();
            Arrays.sort(s);
            double[] c = cpu[i].clone();
            Arrays.sort(c);
            double[] b = bytes[i].clone();
            Arrays.sort(b);
            System.out.printf("  %-4s wall ns/line min %.0f median %.0f max %.0f; CPU ns/line min %.0f median %.0f; "
                    + "allocated bytes/line median %.0f; line %.0f bytes%n",
                    names[i], s[0], s[rounds / 2], s[rounds - 1], c[0], c[rounds / 2], b[rounds / 2], lineBytes[i]);
        }
        if (paired) {
            for (double[][] t : new double[][][] {ns, cpu}) {
                int wins = 0;
                double logSum = 0;
                for (int k = 0; k < rounds; k++) {
                    wins += t[1][k] < t[0][k] ? 1 : 0;
                    logSum += Math.log(t[1][k] / t[0][k]);
                }
                System.out.printf("  new/base %s time: geometric mean of the round ratios %.3f, new faster in %d of %d rounds%n",
                        t == ns ? "wall" : "CPU", Math.exp(logSum / rounds), wins, rounds);
            }
        }
    }

    /**
     * This class in a loader of its own over {@code sensorClasses} and the class directories of the
     * JVM's class path other than the sensor module's, over the third-party jars.
     */
    private static Class<?> load(String sensorClasses) throws Exception {
        List<URL> jars = new ArrayList<>();
        List<URL> dirs = new ArrayList<>();
        dirs.add(Path.of(sensorClasses).toUri().toURL());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.contains("gatewatch-")) {
                continue; // a module as a jar: its class directory is on the class path too
            } else if (entry.endsWith(".jar")) {
                jars.add(Path.of(entry).toUri().toURL());
            } else if (!entry.endsWith("sensor/target/classes")) {
                dirs.add(Path.of(entry).toUri().toURL());
            }
        }
        ClassLoader thirdParty = new URLClassLoader(jars.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        ClassLoader loader = new URLClassLoader(dirs.toArray(URL[]::new), thirdParty);
        Class<?> c = loader.loadClass(AlertLineBench.class.getName());
        if (c.getClassLoader() != loader) {
            throw new IllegalStateException("AlertLineBench came from the parent loader");
        }
        return c;
    }
}
