package law.plot;

import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.RectangleConstraint;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.Size2D;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;

/**
 * Puts a legend inside a plot, in the corner where it hides the fewest drawn points (data points,
 * points along curves and segments, band edges), as matplotlib's {@code loc="best"} does: the
 * chart is laid out once on a scratch image to learn where its data area falls, the legend is
 * measured, and each corner is scored by the points its box would cover.
 */
final class LegendCorner {
    /** Distance of the legend from the plot's edges, as a fraction of the data area. */
    private static final double INSET = 0.015;
    /** Corners in the order ties are broken: top right, top left, bottom left, bottom right. */
    private static final RectangleAnchor[] CORNERS = {
        RectangleAnchor.TOP_RIGHT, RectangleAnchor.TOP_LEFT, RectangleAnchor.BOTTOM_LEFT, RectangleAnchor.BOTTOM_RIGHT};

    private LegendCorner() {
    }

    /** Adds {@code legend} to {@code panel} (drawn in a chart of {@code width} × {@code height}) in its emptiest corner. */
    static void place(JFreeChart chart, XYPlot panel, ValueAxis yAxis, LegendTitle legend, double width, double height) {
        BufferedImage scratch = new BufferedImage(Math.max(1, (int) Math.ceil(width)), Math.max(1, (int) Math.ceil(height)),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        try {
            ChartRenderingInfo info = new ChartRenderingInfo();
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height), info);
            Rectangle2D area = dataArea(info.getPlotInfo(), chart.getPlot() != panel);
            Size2D size = legend.arrange(g, RectangleConstraint.NONE);
            List<Point2D> drawn = drawn(panel, yAxis, area);
            RectangleAnchor best = CORNERS[0];
            long fewest = Long.MAX_VALUE;
            for (RectangleAnchor corner : CORNERS) {
                Rectangle2D box = box(corner, area, size);
                long covered = drawn.stream().filter(box::contains).count();
                if (covered < fewest) {
                    fewest = covered;
                    best = corner;
                }
            }
            boolean right = best == RectangleAnchor.TOP_RIGHT || best == RectangleAnchor.BOTTOM_RIGHT;
            boolean top = best == RectangleAnchor.TOP_RIGHT || best == RectangleAnchor.TOP_LEFT;
            panel.addAnnotation(new XYTitleAnnotation(right ? 1 - INSET : INSET, top ? 1 - INSET : INSET, legend, best));
        } finally {
            g.dispose();
        }
    }

    /** The data area of the plot, or of the last panel of combined ones. */
    private static Rectangle2D dataArea(PlotRenderingInfo info, boolean combined) {
        if (combined && info.getSubplotCount() > 0) {
            return info.getSubplotInfo(info.getSubplotCount() - 1).getDataArea();
        }
        return info.getDataArea();
    }

    /** The legend's box in a corner, a little larger than the legend so that nothing touches it. */
    private static Rectangle2D box(RectangleAnchor corner, Rectangle2D area, Size2D size) {
        double w = size.getWidth() * 1.06;
        double h = size.getHeight() * 1.06;
        double dx = INSET * area.getWidth();
        double dy = INSET * area.getHeight();
        boolean right = corner == RectangleAnchor.TOP_RIGHT || corner == RectangleAnchor.BOTTOM_RIGHT;
        boolean top = corner == RectangleAnchor.TOP_RIGHT || corner == RectangleAnchor.TOP_LEFT;
        double x = right ? area.getMaxX() - dx - w : area.getMinX() + dx;
        double y = top ? area.getMinY() + dy : area.getMaxY() - dy - h;
        return new Rectangle2D.Double(x, y, w, h);
    }

    /** Where the panel's layers put ink: every item, band edges and middles, and points along drawn segments. */
    private static List<Point2D> drawn(XYPlot panel, ValueAxis yAxis, Rectangle2D area) {
        List<Point2D> out = new ArrayList<>();
        ValueAxis xAxis = panel.getDomainAxis();
        for (int i = 0; i < panel.getDatasetCount(); i++) {
            XYDataset d = panel.getDataset(i);
            if (d == null) {
                continue;
            }
            XYItemRenderer r = panel.getRenderer(i);
            boolean lines = r instanceof XYLineAndShapeRenderer lr && lr.getItemLineVisible(0, 0);
            for (int s = 0; s < d.getSeriesCount(); s++) {
                Point2D previous = null;
                for (int j = 0; j < d.getItemCount(s); j++) {
                    double x = xAxis.valueToJava2D(d.getXValue(s, j), area, panel.getDomainAxisEdge());
                    Point2D p = at(x, d.getYValue(s, j), yAxis, area, panel);
                    out.add(p);
                    if (d instanceof IntervalXYDataset band) {
                        Point2D lo = at(x, band.getStartYValue(s, j), yAxis, area, panel);
                        Point2D hi = at(x, band.getEndYValue(s, j), yAxis, area, panel);
                        between(lo, hi, 8, out);
                    }
                    if (lines && previous != null) {
                        between(previous, p, 6, out);
                    }
                    previous = p;
                }
            }
        }
        return out;
    }

    private static Point2D at(double x, double y, ValueAxis yAxis, Rectangle2D area, XYPlot panel) {
        return new Point2D.Double(x, yAxis.valueToJava2D(y, area, panel.getRangeAxisEdge()));
    }

    private static void between(Point2D a, Point2D b, int n, List<Point2D> out) {
        for (int k = 1; k <= n; k++) {
            double t = (double) k / (n + 1);
            out.add(new Point2D.Double(a.getX() + t * (b.getX() - a.getX()), a.getY() + t * (b.getY() - a.getY())));
        }
    }
}
