package dev.bodega;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.Page;
import dev.bodega.inventory.InventorySetup;
import dev.bodega.inventory.MovementType;
import dev.bodega.inventory.StockPostings;
import dev.bodega.platform.PartnerSetup;
import dev.bodega.platform.internal.mail.OutboxDelivery;
import dev.bodega.service.MachineSetup;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.BrowserTestBase;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partner network end to end in a browser (issue 13): the staff invite a customer organization's user, who
 * accepts from the mail (through GreenMail, a real SMTP server), signs in, sees only its machines, records a part
 * used and orders parts; the staff approve and ship; the customer sees the order shipped and its stock up.
 */
@BodegaTest
class PartnerPortalBrowserTest extends BrowserTestBase {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired PartnerSetup partners;
    @Autowired InventorySetup inventory;
    @Autowired MachineSetup machines;
    @Autowired StockPostings postings;
    @Autowired OutboxDelivery delivery;

    @Test
    void aCustomerInvitedByMailUsesPartsOrdersAndSeesItsOrderShippedAndItsStockUp() throws Exception {
        var tenant = fixtures.tenant();
        UUID item = stock.item(tenant, "FIL-7", "pcs", BigDecimal.ZERO);
        UUID shop = stock.location(tenant, "Bodega central");
        UUID farm = stock.asAdmin(tenant, () -> partners.createOrganization(
                new PartnerSetup.NewOrganization("Granja Norte", "customer", null, null, null)));
        UUID warehouse = stock.asAdmin(tenant, () -> inventory.createLocation(
                new InventorySetup.NewLocation("Almacén Norte", "warehouse", null, null, farm)));
        UUID other = stock.asAdmin(tenant, () -> partners.createOrganization(
                new PartnerSetup.NewOrganization("Granja Sur", "customer", null, null, null)));
        UUID machine = stock.asAdmin(tenant, () -> machines.registerMachine(new MachineSetup.NewMachine(
                "SN-NORTE", "AutoBoss Norte", "V4.0", farm, null, null, null)));
        stock.asAdmin(tenant, () -> machines.registerMachine(new MachineSetup.NewMachine(
                "SN-SUR", "AutoBoss Sur", "V4.0", other, null, null, null)));
        stock.asAdmin(tenant, () -> postings.post(new StockPostings.Posting("receipt", null, null, null, null, List.of(
                StockPostings.Line.in(shop, item, MovementType.RECEIPT, new BigDecimal("20"), BigDecimal.ONE),
                StockPostings.Line.in(warehouse, item, MovementType.RECEIPT, new BigDecimal("5"), BigDecimal.ONE)))));

        Page staff = page.context().browser().newContext(contextOptions()).newPage();
        signIn(staff, tenant.slug(), tenant.adminEmail(), TestFixtures.PASSWORD);
        String email = "compras@norte-" + tenant.slug() + ".test";
        staff.navigate("/partners/" + farm + "/people");
        staff.fill("#email", email);
        staff.click("#people-invite-submit");
        assertThat(staff.locator("main")).containsText(email);

        page.navigate(invitationLink(tenant, email));
        page.fill("#name", "Carla Norte");
        page.fill("#password", "granja-norte-1");
        page.click("#invitation-submit");
        page.waitForURL("**/login?**");
        signIn(page, tenant.slug(), email, "granja-norte-1");
        assertThat(page.locator("#nav-portal")).isVisible();
        page.navigate("/portal/machines");
        assertThat(page.locator("#portal-machines")).containsText("SN-NORTE");
        assertThat(page.locator("#portal-machines")).not().containsText("SN-SUR");

        page.navigate("/portal/usage?machineId=" + machine);
        page.selectOption("#usage-warehouse", warehouse.toString());
        page.selectOption("#usage-item", item.toString());
        page.fill("#usage-quantity", "2");
        page.click("#usage-submit");
        assertThat(page.locator("#usage-recorded")).isVisible();
        assertThat(stock.onHand(tenant, warehouse, item)).isEqualByComparingTo("3");

        page.navigate("/portal/orders");
        page.click("#new-order-create");
        page.fill("#add-line-sku", "FIL-7");
        page.fill("#add-line-quantity", "4");
        page.click("#add-line");
        assertThat(page.locator("#draft-lines")).containsText("FIL-7");
        page.click("#order-submit");
        String order = page.url().replaceAll(".*/portal/orders/([0-9a-f-]+).*", "$1");

        staff.navigate("/sales/customer-orders/" + order);
        staff.click("#order-approve");
        staff.selectOption("#order-ship-from", shop.toString());
        staff.fill("#ship-FIL-7", "4");
        staff.click("#order-ship-submit");
        assertThat(staff.locator("#order-deliver")).isVisible();
        staff.context().close();

        page.navigate("/portal/orders");
        assertThat(page.locator("#order-" + order)).containsText("Despachado");
        page.navigate("/portal/stock");
        assertThat(page.locator("#portal-stock")).containsText("Almacén Norte");
        assertThat(page.locator("#portal-stock .stock-row td.num")).hasText("7");
        assertThat(stock.ledgerMismatches(tenant)).isZero();
    }

    private static void signIn(Page page, String company, String email, String password) {
        page.navigate("/login");
        page.fill("#company", company);
        page.fill("#email", email);
        page.fill("#password", password);
        page.click("#login-submit");
        page.waitForURL(url -> !url.contains("/login"));
    }

    /** Sends the company's outbox to GreenMail; the invitation's link, as the mail that arrived gives it. */
    private String invitationLink(TestFixtures.Tenant tenant, String to) throws Exception {
        var sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());
        TestFixtures.asUser(tenant.id(), tenant.adminId(), Set.of("*"), () -> delivery.sendDue(sender));
        for (Message mail : smtp.getReceivedMessages()) {
            if (Arrays.stream(mail.getAllRecipients()).anyMatch(a -> a.toString().equals(to))) {
                Matcher link = Pattern.compile("https?://[^/\\s]+(/invitations/[0-9a-f]{64})")
                        .matcher(text(mail));
                if (link.find()) {
                    return link.group(1);
                }
            }
        }
        throw new AssertionError("No invitation reached " + to);
    }

    private static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        StringBuilder text = new StringBuilder();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(text(multipart.getBodyPart(i)));
            }
        }
        return text.toString();
    }
}
