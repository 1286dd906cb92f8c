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

    /** A chart of {@code width} x {@code height} pixels showing x in [x0, x1] and y in [y0, y1]. */
    Svg(int width, int height, double x0, double x1, double y0, double y1) {
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
        return LEFT + (x - x0) / (x1 - x0) * (width - LEFT - RIGHT);
    }

    double py(double y) {
        return height - BOTTOM - (y - y0) / (y1 - y0) * (height - TOP - BOTTOM);
    }

    /** Axes with {@code ticks} evenly spaced labelled ticks and axis titles. */
    Svg axes(String xTitle, String yTitle, int ticks) {
        double bx = px(x0);
        double by = py(y0);
        sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333\"/>", bx, by, px(x1), by));
        sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333\"/>", bx, by, bx, py(y1)));
        for (int i = 0; i <= ticks; i++) {
            double xv = x0 + (x1 - x0) * i / ticks;
            double yv = y0 + (y1 - y0) * i / ticks;
            sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>", px(xv), by, px(xv), py(y1)));
            sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>", bx, py(yv), px(x1), py(yv)));
            text(px(xv), by + 14, "middle", tick(xv));
            text(bx - 5, py(yv) + 4, "end", tick(yv));
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

    private static String tick(double v) {
        return Math.abs(v - Math.rint(v)) < 1e-9 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    @Override
    public String toString() {
        return sb + "</svg>";
    }
}
