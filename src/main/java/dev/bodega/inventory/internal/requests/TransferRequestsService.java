package dev.bodega.inventory.internal.requests;

import dev.bodega.inventory.TransferRequests;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@link TransferRequests} over {@link RequestFlow}. */
@Service
class TransferRequestsService implements TransferRequests {

    private final RequestFlow flow;
    private final RequestQueries queries;

    TransferRequestsService(RequestFlow flow, RequestQueries queries) {
        this.flow = flow;
        this.queries = queries;
    }

    @Override
    public List<RequestState> toOrganization(UUID organizationId, Long number, int limit) {
        return queries.toOrganization(organizationId, number, limit);
    }

    @Override
    public UUID request(UUID originId, UUID destinationId, String notes, Map<UUID, BigDecimal> quantities) {
        return flow.create(new RequestFlow.NewRequest(originId, destinationId, notes, quantities.entrySet().stream()
                .map(e -> new RequestFlow.NewLine(e.getKey(), e.getValue(), null)).toList()));
    }

    @Override
    public void startPicking(UUID requestId, String comment) {
        flow.startPicking(requestId, comment);
    }

    @Override
    public void recordPicking(UUID requestId, Map<UUID, BigDecimal> picked) {
        flow.recordPicking(requestId, counts(picked, Map.of()));
    }

    @Override
    public void dispatch(UUID requestId, String transportGuide, String comment) {
        flow.dispatch(requestId, transportGuide, List.of(), comment);
    }

    @Override
    public void receive(UUID requestId, Map<UUID, BigDecimal> received, Map<UUID, String> reasons, String comment) {
        flow.receive(requestId, counts(received, reasons), comment);
    }

    @Override
    public void cancel(UUID requestId, String comment) {
        flow.cancel(requestId, comment);
    }

    private static List<RequestFlow.Count> counts(Map<UUID, BigDecimal> quantities, Map<UUID, String> reasons) {
        return quantities.entrySet().stream()
                .map(e -> new RequestFlow.Count(e.getKey(), e.getValue(), reasons.get(e.getKey()))).toList();
    }
}
