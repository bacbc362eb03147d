package law.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

/**
 * Standard input decoded as strict UTF-8: the text before the first byte that is not UTF-8 is
 * delivered, and only then does reading fail (with a {@link MalformedInputException}). Java's own
 * strict reader fails on the whole buffer, so the piped REPL could not run the lines before the bad
 * one or say which line it is on; with lenient decoding it would run replacement characters
 * where a file that is not UTF-8 is refused.
 */
final class StrictUtf8Reader extends Reader {
    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
    private final ByteBuffer bytes = ByteBuffer.allocate(8192);
    private boolean eof;
    private boolean malformed;
    private boolean done;

    StrictUtf8Reader(InputStream in) {
        this.in = in;
        bytes.flip();
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (done) {
            return -1;
        }
        CharBuffer out = CharBuffer.wrap(buf, off, len);
        while (true) {
            if (malformed) {
                throw new MalformedInputException(1);
            }
            CoderResult r = decoder.decode(bytes, out, eof);
            if (r.isError()) {
                malformed = true;
            } else if (r.isUnderflow() && !eof) {
                if (out.position() > off) {
                    return out.position() - off;
                }
                fill();
                continue;
            }
            if (out.position() > off) {
                return out.position() - off;
            }
            if (r.isUnderflow()) {
                decoder.flush(out);
                done = out.position() == off;
                return done ? -1 : out.position() - off;
            }
        }
    }

    private void fill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            eof = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
