package gatewatch.detector.report;

import java.util.List;
import java.util.Locale;

/**
 * A small builder for the inline SVG charts of the HTML report: axes with ticks, polylines,
 * bars, rectangles and text. Coordinates are data values mapped into a fixed plot area.
 */
final class Svg {
    private static final int LEFT = 60;
    private static final int TOP = 20;
    private static final int BOTTOM = 45;
    private static final int RIGHT = 20;

    private final StringBuilder sb = new StringBuilder();
    private final int width;
    private final int height;
    private final double x0;
    private final double x1;
    private final double y0;
    private final double y1;
    private final boolean logX;

    /** A chart of {@code width} x {@code height} pixels showing x in [x0, x1] and y in [y0, y1]. */
    Svg(int width, int height, double x0, double x1, double y0, double y1) {
        this(width, height, x0, x1, y0, y1, false);
    }

    /**
     * As the linear chart, but x on a logarithmic scale from {@code x0} (a power of ten, above 0)
     * to {@code x1}; x values below {@code x0}, 0 included, are drawn at the left edge.
     */
    static Svg logX(int width, int height, double x0, double x1, double y0, double y1) {
        if (!(x0 > 0 && x1 > x0)) {
            throw new IllegalArgumentException("a log scale needs 0 < x0 < x1: " + x0 + ", " + x1);
        }
        return new Svg(width, height, x0, x1, y0, y1, true);
    }

    private Svg(int width, int height, double x0, double x1, double y0, double y1, boolean logX) {
        this.logX = logX;
        this.width = width;
        this.height = height;
        this.x0 = x0;
        this.x1 = x1;
        this.y0 = y0;
        this.y1 = y1;
        sb.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">",
                width, height, width, height));
        sb.append(String.format(Locale.ROOT, "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"white\"/>", width, height));
    }

    double px(double x) {
        double share = logX
                ? (Math.log10(Math.max(x, x0)) - Math.log10(x0)) / (Math.log10(x1) - Math.log10(x0))
                : (x - x0) / (x1 - x0);
        return LEFT + share * (width - LEFT - RIGHT);
    }

    double py(double y) {
        return height - BOTTOM - (y - y0) / (y1 - y0) * (height - TOP - BOTTOM);
    }

    /** The data x at pixel column {@code px} (the inverse of {@link #px}). */
    double x(double px) {
        double share = (px - LEFT) / (width - LEFT - RIGHT);
        return logX ? Math.pow(10, Math.log10(x0) + share * (Math.log10(x1) - Math.log10(x0))) : x0 + share * (x1 - x0);
    }

    /** The data y at pixel row {@code py} (the inverse of {@link #py}). */
    double y(double py) {
        return y0 + (height - BOTTOM - py) / (height - TOP - BOTTOM) * (y1 - y0);
    }

    /** A mostly opaque white panel with a thin border, in pixel coordinates (for a legend). */
    Svg panel(double x, double y, double w, double h) {
        sb.append(String.format(Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"white\" fill-opacity=\"0.85\" stroke=\"#bbb\"/>",
                x, y, w, h));
        return this;
    }

    /**
     * Axes with {@code ticks} evenly spaced labelled ticks and axis titles; on a log x scale, x has
     * a labelled tick at every power of ten and an unlabelled one at each of 2..9 times it.
     */
    Svg axes(String xTitle, String yTitle, int ticks) {
        double bx = px(x0);
        double by = py(y0);
        sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333\"/>", bx, by, px(x1), by));
        sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333\"/>", bx, by, bx, py(y1)));
        for (int i = 0; i <= ticks; i++) {
            double yv = y0 + (y1 - y0) * i / ticks;
            sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>", bx, py(yv), px(x1), py(yv)));
            text(bx - 5, py(yv) + 4, "end", tick(yv));
        }
        if (logX) {
            for (int e = (int) Math.round(Math.log10(x0)); Math.pow(10, e) <= x1 * (1 + 1e-9); e++) {
                double decade = Math.pow(10, e);
                xGridLine(decade, "#ddd");
                text(px(decade), by + 14, "middle", decimal(decade));
                for (int m = 2; m <= 9 && m * decade < x1; m++) {
                    sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333\"/>",
                            px(m * decade), by, px(m * decade), by + 4));
                }
            }
        } else {
            for (int i = 0; i <= ticks; i++) {
                double xv = x0 + (x1 - x0) * i / ticks;
                xGridLine(xv, "#ddd");
                text(px(xv), by + 14, "middle", tick(xv));
            }
        }
        text((px(x0) + px(x1)) / 2, height - 8, "middle", xTitle);
        sb.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 14 %.1f)\">%s</text>",
                (py(y0) + py(y1)) / 2, (py(y0) + py(y1)) / 2, Html.escape(yTitle)));
        return this;
    }

    Svg polyline(List<double[]> points, String color, double strokeWidth) {
        sb.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"").append(strokeWidth).append("\" points=\"");
        for (double[] p : points) {
            sb.append(String.format(Locale.ROOT, "%.1f,%.1f ", px(p[0]), py(p[1])));
        }
        sb.append("\"/>");
        return this;
    }

    private void xGridLine(double x, String color) {
        sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>",
                px(x), py(y0), px(x), py(y1), color));
    }

    /** A polyline drawn with dashes {@code dashes} (an SVG stroke-dasharray such as "6,4"). */
    Svg dashedPolyline(List<double[]> points, String color, double strokeWidth, String dashes) {
        polyline(points, color, strokeWidth);
        sb.insert(sb.lastIndexOf("<polyline ") + "<polyline ".length(), "stroke-dasharray=\"" + dashes + "\" ");
        return this;
    }

    Svg dashedLine(double xa, double ya, double xb, double yb, String color) {
        sb.append(String.format(Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-dasharray=\"5,4\"/>",
                px(xa), py(ya), px(xb), py(yb), color));
        return this;
    }

    /** A rectangle in pixel coordinates. */
    Svg rect(double x, double y, double w, double h, String fill) {
        sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" stroke=\"white\"/>",
                x, y, w, h, fill));
        return this;
    }

    /** Text in pixel coordinates. */
    Svg text(double x, double y, String anchor, String text) {
        sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>", x, y, anchor, Html.escape(text)));
        return this;
    }

    Svg textColored(double x, double y, String anchor, String color, String text) {
        sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" fill=\"%s\">%s</text>", x, y, anchor,
                color, Html.escape(text)));
        return this;
    }

    /** A power of ten as a plain decimal: 0.0001, 0.01, 1, 10. */
    private static String decimal(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String tick(double v) {
        return Math.abs(v - Math.rint(v)) < 1e-9 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    @Override
    public String toString() {
        return sb + "</svg>";
    }
}
