package law.data;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A SHA-256 fingerprint of a table's data, so a fit can record which data it used. It covers the
 * row count, each column's name and type, and every value: the bits of each double (NaN
 * canonical) or the UTF-8 bytes of each string, length-prefixed. The source path, row numbers and
 * steps are not part of it: the same numbers from another file hash the same.
 */
public final class DataHash {
    private DataHash() {
    }

    /** {@code "sha256:"} followed by 64 lowercase hex digits. */
    public static String of(Table table) {
        MessageDigest sha = sha256();
        ByteBuffer buf = ByteBuffer.allocate(8192);
        List<String> names = table.columnNames();
        buf.putInt(table.rowCount()).putInt(names.size());
        for (int j = 0; j < names.size(); j++) {
            putString(sha, buf, names.get(j));
            Column c = table.columnAt(j);
            flushIfFull(sha, buf, 1);
            buf.put((byte) (c.isNumeric() ? 'n' : 't'));
            if (c instanceof NumericColumn n) {
                for (double v : n.raw()) {
                    flushIfFull(sha, buf, 8);
                    buf.putLong(Double.doubleToLongBits(v));
                }
            } else {
                for (String s : ((TextColumn) c).raw()) {
                    putString(sha, buf, s);
                }
            }
        }
        buf.flip();
        sha.update(buf);
        return "sha256:" + HexFormat.of().formatHex(sha.digest());
    }

    private static void putString(MessageDigest sha, ByteBuffer buf, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        flushIfFull(sha, buf, 4);
        buf.putInt(bytes.length);
        buf.flip();
        sha.update(buf);
        buf.clear();
        sha.update(bytes);
    }

    private static void flushIfFull(MessageDigest sha, ByteBuffer buf, int need) {
        if (buf.remaining() < need) {
            buf.flip();
            sha.update(buf);
            buf.clear();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
