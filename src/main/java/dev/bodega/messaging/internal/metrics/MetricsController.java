package dev.bodega.messaging.internal.metrics;

import dev.bodega.platform.RequiresPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** The inbox's metrics: a page with charts and the same figures in the API. */
@Controller
@Tag(name = "Inbox metrics")
class MetricsController {

    static final List<Integer> PERIODS = List.of(7, 30, 90);

    private final InboxMetrics metrics;

    MetricsController(InboxMetrics metrics) {
        this.metrics = metrics;
    }

    @GetMapping("/api/v1/messaging/metrics")
    @RequiresPermission("messaging.read")
    @ResponseBody
    @Operation(summary = "Conversations by status, messages today, first response and resolution times (seconds), "
            + "satisfaction, per agent and per channel, over the last 7, 30 or 90 days")
    InboxMetrics.Metrics api(@RequestParam(defaultValue = "30") int days) {
        return metrics.of(period(days));
    }

    @GetMapping("/messaging/metrics")
    @RequiresPermission("messaging.read")
    String page(@RequestParam(defaultValue = "30") int days, Model model) {
        InboxMetrics.Metrics m = metrics.of(period(days));
        model.addAttribute("m", m);
        model.addAttribute("periods", PERIODS);
        model.addAttribute("statusBars", Bars.of(List.copyOf(m.byStatus().entrySet()), Map.Entry::getKey,
                Map.Entry::getValue));
        model.addAttribute("satisfactionBars", Bars.of(IntStream.rangeClosed(1, 5).boxed().toList(),
                String::valueOf, s -> m.satisfaction().get(s - 1)));
        model.addAttribute("agentBars", Bars.of(m.agents(), InboxMetrics.AgentRow::name,
                InboxMetrics.AgentRow::conversations));
        model.addAttribute("channelBars", Bars.of(m.channels(), InboxMetrics.ChannelRow::platform,
                InboxMetrics.ChannelRow::conversations));
        long top = m.perDay().stream().mapToLong(d -> Math.max(d.inbound(), d.outbound())).max().orElse(0);
        model.addAttribute("dayTop", Math.max(top, 1));
        return "messaging/metrics";
    }

    /** One of the offered periods; anything else is the default month. */
    private static int period(int days) {
        return PERIODS.contains(days) ? days : 30;
    }
}
