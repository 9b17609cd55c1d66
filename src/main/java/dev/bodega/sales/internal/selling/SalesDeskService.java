package dev.bodega.sales.internal.selling;

import dev.bodega.sales.SalesDesk;
import dev.bodega.sales.internal.customers.Customers;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@link SalesDesk} on the services behind the till and the API: {@link Customers}, {@link Sales}, {@link Returns}. */
@Service
class SalesDeskService implements SalesDesk {

    private final Customers customers;
    private final Sales sales;
    private final Returns returns;

    SalesDeskService(Customers customers, Sales sales, Returns returns) {
        this.customers = customers;
        this.sales = sales;
        this.returns = returns;
    }

    @Override
    public UUID createCustomer(NewCustomer c) {
        return customers.create(new Customers.CustomerForm(c.documentType(), c.documentNumber(), c.firstName(),
                c.lastName(), c.email(), c.phone(), c.address(), c.city(), c.country(), c.notes(), true)).id();
    }

    @Override
    public BigDecimal total(UUID locationId, UUID customerId, List<Line> lines) {
        return sales.quote(new Sales.NewSale(locationId, customerId, null, null, null, requests(lines), false, null))
                .total();
    }

    @Override
    public Sold sell(UUID locationId, UUID customerId, List<Line> lines, List<Payment> payments, Instant at) {
        SaleViews.SaleView sale = sales.create(new Sales.NewSale(locationId, customerId, null, null, null,
                requests(lines), true, payments.stream()
                .map(p -> new Sales.PaymentRequest(p.method(), p.amount(), p.reference())).toList()), at);
        return new Sold(sale.id(), sale.paymentMethod(),
                sale.lines().stream().map(l -> new SoldLine(l.id(), l.quantity())).toList());
    }

    @Override
    public void cancel(UUID saleId, String reason, Instant at) {
        sales.cancel(saleId, new Sales.Cancellation(reason), at);
    }

    @Override
    public UUID returnGoods(UUID saleId, String reason, String refundMethod, List<ReturnLine> lines, Instant at) {
        return returns.create(saleId, new Returns.NewReturn(null, reason, refundMethod, null, lines.stream()
                .map(l -> new Returns.ReturnLineRequest(l.saleLineId(), l.quantity(), l.damaged())).toList()), at).id();
    }

    private static List<Sales.LineRequest> requests(List<Line> lines) {
        return lines.stream().map(l -> new Sales.LineRequest(l.itemId(), l.quantity(), null, l.discountPercent(), null))
                .toList();
    }
}
