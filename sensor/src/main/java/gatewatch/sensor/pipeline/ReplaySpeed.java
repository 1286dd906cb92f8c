package gatewatch.sensor.pipeline;

/**
 * How fast a replay runs: as fast as possible, or paced by the capture's timestamps at a factor
 * of real time. Parsed from {@code max}, {@code realtime} or {@code Nx} (e.g. {@code 10x}, {@code 0.5x}).
 *
 * @param factor 0 for max speed, else the multiple of real time
 */
public record ReplaySpeed(double factor) {
    public static final ReplaySpeed MAX = new ReplaySpeed(0);
    public static final ReplaySpeed REALTIME = new ReplaySpeed(1);

    public ReplaySpeed {
        if (!(factor >= 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("speed factor must be a finite number >= 0, got " + factor);
        }
    }

    public static ReplaySpeed parse(String s) {
        String v = s.trim().toLowerCase(java.util.Locale.ROOT);
        if (v.equals("max")) {
            return MAX;
        }
        if (v.equals("realtime")) {
            return REALTIME;
        }
        if (v.endsWith("x")) {
            try {
                double f = Double.parseDouble(v.substring(0, v.length() - 1));
                if (f > 0 && Double.isFinite(f)) {
                    return new ReplaySpeed(f);
                }
            } catch (NumberFormatException e) {
                // fall through to the message below
            }
        }
        throw new IllegalArgumentException("--speed must be max, realtime or Nx with N > 0 (e.g. 10x), got '" + s + "'");
    }

    public boolean paced() {
        return factor > 0;
    }

    @Override
    public String toString() {
        return factor == 0 ? "max" : factor == 1 ? "realtime" : factor + "x";
    }
}
