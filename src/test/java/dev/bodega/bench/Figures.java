package dev.bodega.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Rows of a benchmark's results, printed as they come and written as Markdown tables. */
final class Figures {

    /** One Markdown table: a title, its column headers and rows, each row printed when added. */
    static final class Table {

        private static final Pattern NUMBER = Pattern.compile("–|[0-9][0-9,.]*( ?(ms|s|%|rows|items|sales))?");

        private final String title;
        private final String[] headers;
        private final List<String[]> rows = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        Table(String title, String... headers) {
            this.title = title;
            this.headers = headers;
        }

        void row(Object... cells) {
            String[] row = Arrays.stream(cells).map(c -> c == null ? "" : c.toString()).toArray(String[]::new);
            rows.add(row);
            System.out.println(title + ": " + String.join(" | ", row));
        }

        /** A sentence printed under the table. */
        void note(String text) {
            notes.add(text);
            System.out.println(title + ": " + text);
        }

        /** Figures align right, words left. */
        private boolean numeric(int column) {
            return !rows.isEmpty() && rows.stream().allMatch(r -> column < r.length && NUMBER.matcher(r[column]).matches());
        }

        String markdown() {
            StringBuilder out = new StringBuilder("## ").append(title).append("\n\n| ")
                    .append(String.join(" | ", headers)).append(" |\n|");
            for (int i = 0; i < headers.length; i++) {
                out.append(numeric(i) ? "---:|" : "---|");
            }
            out.append('\n');
            for (String[] row : rows) {
                out.append("| ").append(String.join(" | ", row)).append(" |\n");
            }
            notes.forEach(n -> out.append('\n').append(n).append('\n'));
            return out.append('\n').toString();
        }
    }

    private final Table table;

    Figures(String title) {
        this.table = new Table(title, "what", "rows", "seconds", "rows/s", "note");
    }

    void add(String what, long rows, double seconds, String note) {
        table.row(what, String.format("%,d", rows), String.format("%.2f", seconds), String.format("%,.0f", rows / seconds), note);
    }

    String markdown() {
        return table.markdown();
    }

    static String machine() {
        Runtime runtime = Runtime.getRuntime();
        long memory = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() : -1;
        return String.format("Machine: %d cores (%s), %,d MiB memory, %,d MiB max heap, Java %s, %s %s",
                runtime.availableProcessors(), cpuModel(), memory / (1024 * 1024), runtime.maxMemory() / (1024 * 1024),
                System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
        } catch (IOException | RuntimeException e) {
            return "unknown CPU";
        }
    }

    void write(Path file, String header) throws IOException {
        write(file, header, machine(), List.of(table));
    }

    /** A document: a header, a preamble (machine, versions, settings) and the tables in order. */
    static void write(Path file, String header, String preamble, List<Table> tables) throws IOException {
        StringBuilder out = new StringBuilder("# ").append(header).append("\n\n").append(preamble).append("\n\n");
        tables.forEach(t -> out.append(t.markdown()));
        Files.writeString(file, out.toString());
    }
}
