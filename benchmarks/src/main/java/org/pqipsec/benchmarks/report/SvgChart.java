package org.pqipsec.benchmarks.report;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Line and bar charts as standalone SVG 1.1 documents, written without a charting library. Every
 * text is escaped, and numbers are written with a dot as decimal separator whatever the locale.
 */
final class SvgChart {

    /** One line of a line chart or one bar colour of a bar chart. */
    record Series(String name, List<Point> points) {}

    record Point(double x, double y) {}

    /** Colours by series index: the first series (pqipsec) gets the strongest one. */
    private static final String[] COLOURS = {"#1f5fbf", "#e07b00", "#2e9e44", "#8a4fc4", "#6b7280", "#c2185b"};

    private static final int WIDTH = 760;
    private static final String FONT = "font-family=\"sans-serif\" font-size=\"12\"";

    private SvgChart() {}

    /**
     * Draws one polyline per series against a base-2 logarithmic x axis with a tick at every x
     * value, and a linear y axis from 0.
     *
     * @throws IllegalArgumentException if an x value is not positive or there are no points
     */
    static String lineChart(String title, String xLabel, String yLabel, List<Series> series) {
        double minX = Double.MAX_VALUE;
        double maxX = 0;
        double maxY = 0;
        TreeSet<Double> ticks = new TreeSet<>();
        for (Series line : series) {
            for (Point point : line.points()) {
                if (!(point.x() > 0)) {
                    throw new IllegalArgumentException("x values of a logarithmic axis must be positive, got " + point.x());
                }
                minX = Math.min(minX, point.x());
                maxX = Math.max(maxX, point.x());
                maxY = Math.max(maxY, point.y());
                ticks.add(point.x());
            }
        }
        if (ticks.isEmpty()) {
            throw new IllegalArgumentException("line chart " + title + " has no points");
        }

        int height = 420;
        int left = 80;
        int right = 170;
        int top = 40;
        int bottom = 60;
        double plotWidth = WIDTH - left - right;
        double plotHeight = height - top - bottom;
        double yMax = niceCeiling(maxY);
        double logMin = log2(minX);
        double logSpan = Math.max(log2(maxX) - logMin, 1e-9);

        Svg svg = new Svg(WIDTH, height);
        svg.text(WIDTH / 2.0, 22, title, "middle", "bold");
        for (int i = 0; i <= 5; i++) {
            double value = yMax * i / 5;
            double y = top + plotHeight - plotHeight * i / 5;
            svg.line(left, y, left + plotWidth, y, "#dddddd");
            svg.text(left - 6, y + 4, format(value), "end", "normal");
        }
        for (double tick : ticks) {
            double x = left + plotWidth * (log2(tick) - logMin) / logSpan;
            svg.line(x, top + plotHeight, x, top + plotHeight + 5, "#333333");
            svg.text(x, top + plotHeight + 18, tick == Math.rint(tick) ? String.valueOf((long) tick) : format(tick),
                    "middle", "normal");
        }
        svg.line(left, top + plotHeight, left + plotWidth, top + plotHeight, "#333333");
        svg.line(left, top, left, top + plotHeight, "#333333");
        svg.text(left + plotWidth / 2, height - 18, xLabel, "middle", "normal");
        svg.verticalText(18, top + plotHeight / 2, yLabel);

        for (int s = 0; s < series.size(); s++) {
            String colour = COLOURS[s % COLOURS.length];
            StringBuilder points = new StringBuilder();
            for (Point point : series.get(s).points()) {
                double x = left + plotWidth * (log2(point.x()) - logMin) / logSpan;
                double y = top + plotHeight - plotHeight * point.y() / yMax;
                points.append(number(x)).append(',').append(number(y)).append(' ');
                svg.circle(x, y, 3, colour);
            }
            svg.polyline(points.toString().trim(), colour);
            double legendY = top + 10 + 20 * s;
            svg.line(left + plotWidth + 15, legendY, left + plotWidth + 35, legendY, colour, 3);
            svg.text(left + plotWidth + 40, legendY + 4, series.get(s).name(), "start", "normal");
        }
        return svg.finish();
    }

    /**
     * Draws horizontal bars, one cluster per category and one bar per series in each cluster,
     * on a linear axis from 0, with each bar's value at its end. {@code values[c][s]} is the
     * value of series {@code s} in category {@code c}. NaN leaves the bar out.
     */
    static String barChart(String title, String valueLabel, List<String> categories, List<String> seriesNames,
            double[][] values) {
        double maxValue = 0;
        for (double[] cluster : values) {
            for (double value : cluster) {
                if (!Double.isNaN(value)) {
                    maxValue = Math.max(maxValue, value);
                }
            }
        }
        int barHeight = 14;
        int clusterGap = 12;
        int left = 230;
        int right = 90;
        int top = 40 + 20 * ((seriesNames.size() + 2) / 3);
        int clusterHeight = barHeight * seriesNames.size() + clusterGap;
        int height = top + clusterHeight * categories.size() + 50;
        double plotWidth = WIDTH - left - right;
        double plotBottom = top + clusterHeight * categories.size();
        double axisMax = niceCeiling(maxValue);

        Svg svg = new Svg(WIDTH, height);
        svg.text(WIDTH / 2.0, 22, title, "middle", "bold");
        for (int s = 0; s < seriesNames.size(); s++) {
            double x = 20 + 240 * (s % 3);
            double y = 40 + 20 * (s / 3);
            svg.rect(x, y - 9, 12, 12, COLOURS[s % COLOURS.length]);
            svg.text(x + 18, y + 2, seriesNames.get(s), "start", "normal");
        }
        for (int i = 0; i <= 5; i++) {
            double x = left + plotWidth * i / 5;
            svg.line(x, top - 4, x, plotBottom, "#dddddd");
            svg.text(x, plotBottom + 16, format(axisMax * i / 5), "middle", "normal");
        }
        svg.text(left + plotWidth / 2, plotBottom + 38, valueLabel, "middle", "normal");

        for (int c = 0; c < categories.size(); c++) {
            double clusterTop = top + clusterHeight * c;
            svg.text(left - 8, clusterTop + barHeight * seriesNames.size() / 2.0 + 4, categories.get(c),
                    "end", "normal");
            for (int s = 0; s < seriesNames.size(); s++) {
                double value = values[c][s];
                if (Double.isNaN(value)) {
                    continue;
                }
                double y = clusterTop + barHeight * s;
                double length = plotWidth * value / axisMax;
                svg.rect(left, y + 1, Math.max(length, 1), barHeight - 2, COLOURS[s % COLOURS.length]);
                svg.text(left + length + 4, y + barHeight - 3, format(value), "start", "normal");
            }
        }
        svg.line(left, top - 4, left, plotBottom, "#333333");
        return svg.finish();
    }

    /** Returns the smallest of 1, 2, 2.5 or 5 times a power of ten that is at least {@code value}. */
    static double niceCeiling(double value) {
        if (!(value > 0)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= value * (1 - 1e-12)) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /** Formats a value with three significant digits and thousands separators, as the tables do. */
    static String format(double value) {
        return Report.formatNumber(value);
    }

    private static double log2(double value) {
        return Math.log(value) / Math.log(2);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** Accumulates SVG elements. */
    private static final class Svg {

        private final StringBuilder out = new StringBuilder();

        Svg(int width, int height) {
            out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(width)
                    .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                    .append(height).append("\">\n");
            out.append("<rect x=\"0\" y=\"0\" width=\"").append(width).append("\" height=\"").append(height)
                    .append("\" fill=\"#ffffff\"/>\n");
        }

        void line(double x1, double y1, double x2, double y2, String colour) {
            line(x1, y1, x2, y2, colour, 1);
        }

        void line(double x1, double y1, double x2, double y2, String colour, int width) {
            out.append("<line x1=\"").append(number(x1)).append("\" y1=\"").append(number(y1))
                    .append("\" x2=\"").append(number(x2)).append("\" y2=\"").append(number(y2))
                    .append("\" stroke=\"").append(colour).append("\" stroke-width=\"").append(width)
                    .append("\"/>\n");
        }

        void rect(double x, double y, double width, double height, String colour) {
            out.append("<rect x=\"").append(number(x)).append("\" y=\"").append(number(y))
                    .append("\" width=\"").append(number(width)).append("\" height=\"").append(number(height))
                    .append("\" fill=\"").append(colour).append("\"/>\n");
        }

        void circle(double x, double y, double radius, String colour) {
            out.append("<circle cx=\"").append(number(x)).append("\" cy=\"").append(number(y))
                    .append("\" r=\"").append(number(radius)).append("\" fill=\"").append(colour).append("\"/>\n");
        }

        void polyline(String points, String colour) {
            out.append("<polyline points=\"").append(points).append("\" fill=\"none\" stroke=\"")
                    .append(colour).append("\" stroke-width=\"2\"/>\n");
        }

        void text(double x, double y, String text, String anchor, String weight) {
            out.append("<text x=\"").append(number(x)).append("\" y=\"").append(number(y))
                    .append("\" text-anchor=\"").append(anchor).append("\" font-weight=\"").append(weight)
                    .append("\" ").append(FONT).append('>').append(escape(text)).append("</text>\n");
        }

        void verticalText(double x, double y, String text) {
            out.append("<text x=\"").append(number(x)).append("\" y=\"").append(number(y))
                    .append("\" text-anchor=\"middle\" transform=\"rotate(-90 ").append(number(x)).append(' ')
                    .append(number(y)).append(")\" ").append(FONT).append('>').append(escape(text))
                    .append("</text>\n");
        }

        String finish() {
            return out.append("</svg>\n").toString();
        }

        private static String escape(String text) {
            return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        }
    }
}
