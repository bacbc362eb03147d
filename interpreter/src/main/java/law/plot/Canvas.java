package law.plot;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.Processor;
import de.erichseifert.vectorgraphics2d.Processors;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.XYChart;

/**
 * Draws one or more XChart charts side by side into one picture and encodes it as PNG or SVG.
 * Each chart paints itself (XChart does the drawing); this only places the panels.
 */
final class Canvas {
    private Canvas() {
    }

    /** Writes the panels, each {@code width / panels} wide, in the format {@code png} or {@code svg}. */
    static void write(List<XYChart> panels, int width, int height, String format, OutputStream out)
            throws IOException {
        if (format.equals("svg")) {
            VectorGraphics2D g = new VectorGraphics2D();
            paint(g, panels, width, height);
            Processor p = Processors.get("svg");
            Document doc = p.getDocument(g.getCommands(), new PageSize(0, 0, width, height));
            doc.writeTo(out);
            g.dispose();
        } else {
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            paint(g, panels, width, height);
            g.dispose();
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG encoder");
            }
        }
    }

    private static void paint(Graphics2D g, List<XYChart> panels, int width, int height) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        int n = panels.size();
        for (int i = 0; i < n; i++) {
            int x0 = i * width / n;
            int w = (i + 1) * width / n - x0;
            AffineTransform saved = g.getTransform();
            g.translate(x0, 0);
            g.setClip(0, 0, w, height);
            panels.get(i).paint(g, w, height);
            g.setClip(null);
            g.setTransform(saved);
        }
    }
}
