package gatewatch.sensor.capture.bench;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Before and after in the same run: two builds of the features module, each in its own class
 * loader in one JVM, take turns over the same file (capture + decode + connections + all 41
 * features, {@link FeaturesPass}), the order swapped every round. This machine's speed drifts by
 * 10–20 % from minute to minute, so that separate runs of two builds, or even alternating JVMs,
 * cannot show a change of a few percent; passes a second apart can, compared round by round.
 *
 * <p>Prints per build the median and best frames/s, and the geometric mean of the per-round
 * ratios with the number of rounds the second build won. The same build against itself (an A/A
 * run) shows what noise alone gives: on this VM ratios within about ±5 %. Run it more than once:
 * each JVM compiles both builds its own way, and one JVM can favour one build throughout (of three
 * runs of the same pair, one gave the new build 0 wins in 12 rounds, the other two 6 of 10 and 8
 * of 10).
 *
 * <p>Run: {@code sensor/bench/run-paired-bench.sh BASE_REF [--rounds N] FILE...}
 */
public final class PairedFeaturesBench {
    private PairedFeaturesBench() {
    }

    /**
     * @param args {@code BASE_FEATURES_CLASSES NEW_FEATURES_CLASSES SENSOR_CLASSES BENCH_CLASSES
     *     ROUNDS FILE...}; the third-party jars are this JVM's class path
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 6) {
            System.err.println("usage: PairedFeaturesBench BASE_FEATURES NEW_FEATURES SENSOR_CLASSES BENCH_CLASSES ROUNDS FILE...");
            System.exit(2);
        }
        ClassLoader thirdParty = thirdPartyLoader();
        Method[] pass = {load(args[0], args, thirdParty), load(args[1], args, thirdParty)};
        int rounds = Integer.parseInt(args[4]);
        String[] names = {"base", "new"};
        for (int f = 5; f < args.length; f++) {
            String file = args[f];
            double[][] rate = new double[2][rounds];
            long frames = 0;
            // Two warm-up rounds (both builds compiled by the JIT), then the measured ones.
            for (int k = -2; k < rounds; k++) {
                for (int j = 0; j < 2; j++) {
                    int i = Math.floorMod(k, 2) == 0 ? j : 1 - j;
                    long[] r = (long[]) pass[i].invoke(null, file);
                    frames = r[0];
                    if (k >= 0) {
                        rate[i][k] = r[0] / (r[1] / 1e9);
                    }
                }
            }
            System.out.printf("%s (%,d frames), %d rounds%n", Path.of(file).getFileName(), frames, rounds);
            for (int i = 0; i < 2; i++) {
                double[] s = rate[i].clone();
                Arrays.sort(s);
                System.out.printf("  %-4s median %.3f M  best %.3f M frames/s  rounds %s%n", names[i], s[rounds / 2] / 1e6,
                        s[rounds - 1] / 1e6, Arrays.toString(Arrays.stream(rate[i]).map(x -> Math.round(x / 1e4) / 100.0).toArray()));
            }
            int wins = 0;
            double logSum = 0;
            for (int k = 0; k < rounds; k++) {
                wins += rate[1][k] > rate[0][k] ? 1 : 0;
                logSum += Math.log(rate[1][k] / rate[0][k]);
            }
            System.out.printf("  new/base: geometric mean of the round ratios %.3f, new faster in %d of %d rounds%n",
                    Math.exp(logSum / rounds), wins, rounds);
        }
    }

    /** The JVM's class path minus the project's own class directories: what both builds share. */
    private static ClassLoader thirdPartyLoader() throws Exception {
        List<URL> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (entry.endsWith(".jar")) {
                jars.add(Path.of(entry).toUri().toURL());
            }
        }
        return new URLClassLoader(jars.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    private static Method load(String featuresClasses, String[] args, ClassLoader parent) throws Exception {
        URL[] path = {Path.of(featuresClasses).toUri().toURL(), Path.of(args[2]).toUri().toURL(),
            Path.of(args[3]).toUri().toURL()};
        ClassLoader loader = new URLClassLoader(path, parent);
        Class<?> c = loader.loadClass(FeaturesPass.class.getName());
        if (c.getClassLoader() != loader) {
            throw new IllegalStateException("the bench's own class path holds the project's classes; run it through run-paired-bench.sh");
        }
        return c.getMethod("run", String.class);
    }
}
