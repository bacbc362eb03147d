package law.plot;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/** JFreeChart's logarithmic axis with the ticks of {@link LogTicks}. */
final class LogAxes {
    private LogAxes() {
    }

    /** A base-10 log axis whose ticks are {@link LogTicks#of}. */
    static final class Axis extends LogAxis {
        private static final long serialVersionUID = 1L;

        Axis(String label) {
            super(label);
            setBase(10);
            setSmallestValue(1e-300);
        }

        @Override
        public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
            boolean horizontal = RectangleEdge.isTopOrBottom(edge);
            TextAnchor anchor = horizontal ? (edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER)
                    : (edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT);
            List<NumberTick> out = new ArrayList<>();
            for (LogTicks.Tick t : LogTicks.of(getLowerBound(), getUpperBound())) {
                out.add(new NumberTick(t.major() ? TickType.MAJOR : TickType.MINOR, t.value(), t.label(), anchor,
                        anchor, 0));
            }
            return out;
        }
    }
}
