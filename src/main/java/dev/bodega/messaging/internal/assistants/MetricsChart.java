package dev.bodega.messaging.internal.assistants;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Answers and hand-offs per day as SVG bars (stacked: answers below, hand-offs above), scaled to the busiest day;
 * drawn on the server, so the page needs no script.
 */
record MetricsChart(int width, int height, List<Bar> bars, long max) {

    static final int HEIGHT = 120;
    static final int BAR = 12;
    static final int GAP = 4;

    record Bar(int x, int answersY, int answersHeight, int handOffsY, int handOffsHeight,
               AssistantMetrics.Day day) {
    }

    static MetricsChart of(List<AssistantMetrics.Day> days) {
        long max = Math.max(1, days.stream().mapToLong(d -> d.answers() + d.handOffs()).max().orElse(1));
        List<Bar> bars = IntStream.range(0, days.size()).mapToObj(i -> {
            AssistantMetrics.Day d = days.get(i);
            int answers = (int) Math.round((double) d.answers() * HEIGHT / max);
            int handOffs = (int) Math.round((double) d.handOffs() * HEIGHT / max);
            return new Bar(i * (BAR + GAP), HEIGHT - answers, answers, HEIGHT - answers - handOffs, handOffs, d);
        }).toList();
        return new MetricsChart(Math.max(1, days.size() * (BAR + GAP)), HEIGHT, bars, max);
    }
}
