package law.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

/** Plot titles quote a spec's strings: control characters are drawn (and written to SVG) escaped, never raw. */
class TitleEscapeTest {
    @Test
    void titlesAreEscaped() {
        XYChart c = Style.chart(400, 300, "fit\u001b]0;PWNED\u0007", "N\u001b[2J", "L\u202e", true, true, null, null);
        assertEquals("fit\\u001b]0;PWNED\\u0007", c.getTitle());
        assertEquals("N\\u001b[2J", c.getXAxisTitle());
        assertEquals("L\\u202e", c.getYAxisTitle());
    }
}
