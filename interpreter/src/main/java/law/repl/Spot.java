package law.repl;

import java.util.List;

/**
 * What is being typed at the cursor, for completion: a name, a module after {@code use}, a path
 * inside {@code csv("...")}/{@code json("...")}/{@code use "..."}, or a REPL command and its argument.
 *
 * @param what   what kind of word it is
 * @param start  where the word starts in the buffer
 * @param end    where the word ends (it may go on past the cursor)
 * @param prefix the part of the word before the cursor
 * @param path   for a field, the names before it: {@code epoch.alpha.s} has the path {@code epoch, alpha}
 */
record Spot(What what, int start, int end, String prefix, List<String> path) {

    /** Kinds of words. */
    enum What {
        NAME, FIELD, MODULE, PATH, SPEC_PATH, FOLDER, COMMAND, COMMAND_NAME, TOPIC, SWITCH, NOTHING
    }

    Spot(What what, int start, int end, String prefix) {
        this(what, start, end, prefix, List.of());
    }

    /** The word at {@code cursor} in {@code buffer}. */
    static Spot at(String buffer, int cursor) {
        cursor = Math.max(0, Math.min(cursor, buffer.length()));
        String before = buffer.substring(0, cursor);
        if (before.stripLeading().startsWith(":") && !buffer.contains("\n")) {
            return command(buffer, cursor);
        }
        List<Tokens.Tok> tokens = Tokens.lex(before);
        Tokens.Tok last = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
        Tokens.Tok prev = tokens.size() < 2 ? null : tokens.get(tokens.size() - 2);
        if (last != null && last.end() == cursor) {
            switch (last.kind()) {
                case UNTERMINATED -> {
                    boolean path = prev != null && (prev.text().equals("use")
                            || prev.text().equals("(") && tokens.size() >= 3
                            && List.of("csv", "json").contains(tokens.get(tokens.size() - 3).text()));
                    int s = last.start() + 1;
                    return new Spot(path ? What.SPEC_PATH : What.NOTHING, s, wordEnd(buffer, cursor, true),
                            before.substring(s));
                }
                case NAME, KEYWORD -> {
                    if (last.text().startsWith("`")) {
                        return nothing(cursor);
                    }
                    List<String> path = path(tokens, tokens.size() - 2);
                    if (!path.isEmpty()) {
                        return new Spot(What.FIELD, last.start(), wordEnd(buffer, cursor, false), last.text(), path);
                    }
                    What w = prev != null && prev.text().equals("use") ? What.MODULE : What.NAME;
                    return new Spot(w, last.start(), wordEnd(buffer, cursor, false), last.text());
                }
                case OPEN, CLOSE, OPERATOR, COMMA, NEWLINE -> {
                    List<String> path = path(tokens, tokens.size() - 1);
                    return new Spot(path.isEmpty() ? What.NAME : What.FIELD, cursor, wordEnd(buffer, cursor, false), "",
                            path);
                }
                default -> {
                    return nothing(cursor);
                }
            }
        }
        if (last != null && last.kind() == Tokens.Kind.COMMENT) {
            return nothing(cursor);
        }
        What w = last != null && last.text().equals("use") ? What.MODULE : What.NAME;
        return new Spot(w, cursor, wordEnd(buffer, cursor, false), "");
    }

    /**
     * The names of a chain {@code a.b.} ending with the '.' at {@code dot}, outermost first; empty
     * when the token there is not such a '.'.
     */
    private static List<String> path(List<Tokens.Tok> tokens, int dot) {
        java.util.LinkedList<String> out = new java.util.LinkedList<>();
        int i = dot;
        while (i >= 1 && tokens.get(i).text().equals(".") && tokens.get(i).kind() == Tokens.Kind.OPERATOR
                && tokens.get(i - 1).kind() == Tokens.Kind.NAME && tokens.get(i - 1).end() == tokens.get(i).start()) {
            String name = tokens.get(i - 1).text();
            out.addFirst(name.startsWith("`") ? name.substring(1, name.length() - 1) : name);
            i -= 2;
        }
        return out;
    }

    private static Spot command(String buffer, int cursor) {
        int lead = buffer.length() - buffer.stripLeading().length();
        int space = buffer.indexOf(' ', lead);
        if (space < 0 || cursor <= space) {
            return new Spot(What.COMMAND, lead, space < 0 ? buffer.length() : space, buffer.substring(lead, cursor));
        }
        Command c = Command.find(buffer.substring(lead + 1, space));
        int s = buffer.lastIndexOf(' ', cursor - 1) + 1;
        What w = c == null ? What.NOTHING : switch (c) {
            case LOAD, SAVE -> What.PATH;
            case ALLOW -> What.FOLDER;
            case DOC, EDIT -> What.COMMAND_NAME;
            case HELP -> What.TOPIC;
            case JSON -> What.SWITCH;
            default -> What.NOTHING;
        };
        int e = buffer.indexOf(' ', cursor);
        return new Spot(w, s, e < 0 ? buffer.length() : e, buffer.substring(s, cursor));
    }

    private static Spot nothing(int cursor) {
        return new Spot(What.NOTHING, cursor, cursor, "");
    }

    /** The word goes on over name characters (or, in a string, up to the closing quote). */
    private static int wordEnd(String buffer, int cursor, boolean inString) {
        int e = cursor;
        while (e < buffer.length()) {
            char c = buffer.charAt(e);
            if (inString ? c == '"' || c == '\n' : !(Character.isLetterOrDigit(c) || c == '_')) {
                break;
            }
            e++;
        }
        return e;
    }
}
