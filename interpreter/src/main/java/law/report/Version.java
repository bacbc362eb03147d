package law.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of law, read from the jar. */
public final class Version {
    private Version() {
    }

    /** The version string, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String get() {
        try (InputStream in = Version.class.getClassLoader().getResourceAsStream("law/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
