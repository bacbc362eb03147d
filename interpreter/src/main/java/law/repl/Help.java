package law.repl;

import java.util.List;

/** The text of {@code :help} and {@code :help TOPIC}. */
final class Help {
    /** Topics besides the commands. */
    static final List<String> TOPICS = List.of("keys", "history", "statements");

    private Help() {
    }

    /** Help on a command or topic; the overview when {@code topic} is empty; null for an unknown topic. */
    static String text(String topic) {
        if (topic.isBlank()) {
            return overview();
        }
        String t = topic.strip().replaceFirst("^:", "");
        switch (t) {
            case "keys":
                return """
                        Tab        complete a keyword, name, module, path or command
                        Enter      run the entry, or continue it while a bracket is open or a line
                                   ends with an operator or comma
                        Ctrl-C     cancel a running evaluation, or clear the line being typed
                        Ctrl-D     quit (on an empty line)
                        Ctrl-R     search the history; Up/Down recall whole entries
                        """;
            case "history":
                return """
                        History is kept in ~/.law_history; 'law repl --history FILE' or the
                        LAW_HISTORY environment variable puts it elsewhere.
                        """;
            case "statements":
                return """
                        Anything a .law file may contain: law, let, constraint, data, fit, use, print,
                        queries (optimal, minimize, solve, table, predict, compare, diff), expect, and
                        bare expressions, which are evaluated and printed. A name may be defined again.
                        """;
            default:
                break;
        }
        Command c = Command.find(t);
        return c == null ? null : c.usage() + "\n    " + c.summary() + "\n";
    }

    private static String overview() {
        StringBuilder out = new StringBuilder("Type statements as in a .law file; results print as they come.\n");
        out.append("Commands (any unique prefix works: :sh is :show, :sa is :save):\n");
        for (Command c : Command.values()) {
            out.append(String.format("  %-16s %s%n", c.usage(), c.summary()));
        }
        out.append("More: :help keys, :help history, :help statements\n");
        return out.toString();
    }
}
