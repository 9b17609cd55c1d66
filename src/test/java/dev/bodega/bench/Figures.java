package dev.bodega.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Rows of a benchmark's results, printed as they come and written as a Markdown table. */
final class Figures {

    private final String title;
    private final List<String[]> rows = new ArrayList<>();

    Figures(String title) {
        this.title = title;
    }

    void add(String what, long rows, double seconds, String note) {
        String[] row = {what, String.format("%,d", rows), String.format("%.2f", seconds),
                String.format("%,.0f", rows / seconds), note};
        this.rows.add(row);
        System.out.printf("%-55s %12s rows %9s s %12s rows/s  %s%n", (Object[]) row);
    }

    String markdown() {
        StringBuilder out = new StringBuilder("## ").append(title).append("\n\n")
                .append("| what | rows | seconds | rows/s | note |\n|---|---:|---:|---:|---|\n");
        for (String[] row : rows) {
            out.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        return out.toString();
    }

    static String machine() {
        Runtime runtime = Runtime.getRuntime();
        return String.format("Machine: %d cores, %,d MiB max heap, Java %s, %s %s",
                runtime.availableProcessors(), runtime.maxMemory() / (1024 * 1024),
                System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    void write(Path file, String header) throws IOException {
        Files.writeString(file, "# " + header + "\n\n" + machine() + "\n\n" + markdown());
    }
}
