package law.fmt;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.List;
import law.diag.SourceFile;
import law.diag.Span;

/**
 * Whether two syntax trees say the same thing: equal node by node, ignoring where each node was
 * written ({@link Span}s). The formatter's promise, checked on every file it formats.
 */
public final class SameTree {
    /** A record class's components: names and accessors, looked up once per class. */
    private record Component(String name, Method accessor) {
    }

    private static final ClassValue<Component[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected Component[] computeValue(Class<?> type) {
            RecordComponent[] rc = type.getRecordComponents();
            Component[] out = new Component[rc.length];
            for (int i = 0; i < rc.length; i++) {
                Method accessor = rc[i].getAccessor();
                accessor.trySetAccessible();
                out[i] = new Component(rc[i].getName(), accessor);
            }
            return out;
        }
    };

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
        String below = below(a, b);
        return below == null ? null : path + below;
    }

    /** Where under two nodes they first differ ({@code ""} at the nodes themselves), or {@code null}. */
    private static String below(Object a, Object b) {
        if (a == b || a instanceof Span || a instanceof SourceFile) {
            return null;
        }
        if (a == null || b == null || a.getClass() != b.getClass()) {
            return "";
        }
        if (a instanceof List<?> la) {
            return belowList(la, (List<?>) b);
        }
        if (a instanceof Double da) {
            return Double.compare(da, (Double) b) == 0 ? null : "";
        }
        if (!a.getClass().isRecord()) {
            return a.equals(b) ? null : "";
        }
        for (Component c : COMPONENTS.get(a.getClass())) {
            try {
                String d = below(c.accessor().invoke(a), c.accessor().invoke(b));
                if (d != null) {
                    return "." + c.name() + d;
                }
            } catch (ReflectiveOperationException e) {
                return "." + c.name();
            }
        }
        return null;
    }

    private static String belowList(List<?> la, List<?> lb) {
        if (la.size() != lb.size()) {
            return ".size";
        }
        for (int i = 0; i < la.size(); i++) {
            String d = below(la.get(i), lb.get(i));
            if (d != null) {
                return "[" + i + "]" + d;
            }
        }
        return null;
    }
}
