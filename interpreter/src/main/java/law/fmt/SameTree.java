package law.fmt;

import java.lang.reflect.RecordComponent;
import java.util.List;
import law.diag.SourceFile;
import law.diag.Span;

/**
 * Whether two syntax trees say the same thing: equal node by node, ignoring where each node was
 * written ({@link Span}s). The formatter's promise, checked on every file it formats.
 */
public final class SameTree {
    private SameTree() {
    }

    /** True when the trees are equal but for their spans. */
    public static boolean equal(Object a, Object b) {
        return difference(a, b, "program") == null;
    }

    /**
     * Where two trees first differ, as a path such as {@code program.statements[3].body.left},
     * or {@code null} when they are equal but for their spans.
     */
    public static String difference(Object a, Object b, String path) {
        if (a == b || a instanceof Span || a instanceof SourceFile) {
            return null;
        }
        if (a == null || b == null || a.getClass() != b.getClass()) {
            return path;
        }
        if (a instanceof List<?> la) {
            List<?> lb = (List<?>) b;
            if (la.size() != lb.size()) {
                return path + ".size";
            }
            for (int i = 0; i < la.size(); i++) {
                String d = difference(la.get(i), lb.get(i), path + "[" + i + "]");
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (a instanceof Double da) {
            return Double.compare(da, (Double) b) == 0 ? null : path;
        }
        if (!a.getClass().isRecord()) {
            return a.equals(b) ? null : path;
        }
        for (RecordComponent c : a.getClass().getRecordComponents()) {
            try {
                String d = difference(c.getAccessor().invoke(a), c.getAccessor().invoke(b), path + "." + c.getName());
                if (d != null) {
                    return d;
                }
            } catch (ReflectiveOperationException e) {
                return path + "." + c.getName();
            }
        }
        return null;
    }
}
