package law.lsp;

import law.syntax.Lexemes;

/** Names as they must be written: plain when they can be, else back-quoted. */
final class Names {
    private Names() {
    }

    /** True when a name can be written without back quotes. */
    static boolean plain(String name) {
        if (name.isEmpty() || Lexemes.KEYWORDS.contains(name)) {
            return false;
        }
        if (!(Character.isLetter(name.codePointAt(0)) || name.charAt(0) == '_')) {
            return false;
        }
        return name.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '_');
    }

    /** The name as written in a spec: {@code Model Size} becomes {@code `Model Size`}. */
    static String quoted(String name) {
        return plain(name) || name.startsWith("`") ? name : "`" + name + "`";
    }
}
