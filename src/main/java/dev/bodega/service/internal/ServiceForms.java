package dev.bodega.service.internal;

import dev.bodega.platform.FormNumbers;
import dev.bodega.platform.Text;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * The service pages' forms as typed (so a refused form comes back as it was), and the requests they stand for.
 * What a person left out or mistyped goes to its field, in the words of the service bundle.
 */
@Component
class ServiceForms {

    record MovementForm(String locationId, String itemCode, String technicianId, String concept, String type,
                        String quantity, String workOrder, String note, String idempotencyKey) {

        static MovementForm blank(UUID technicianId) {
            return new MovementForm(null, null, technicianId == null ? null : technicianId.toString(), "prestamo",
                    null, "1", null, null, null);
        }
    }

    record ClaimForm(String itemCode, String quantity, String locationId, String technicianId, String failureReason,
                     String mileage, String workOrder, String requester, String submit) {

        static ClaimForm blank() {
            return new ClaimForm(null, "1", null, null, null, null, null, null, "true");
        }
    }

    private final ServiceLookups lookups;

    ServiceForms(ServiceLookups lookups) {
        this.lookups = lookups;
    }

    TechnicianMovements.MovementRequest movement(MovementForm form, BindingResult errors) {
        UUID location = required(form.locationId(), "locationId", errors);
        UUID item = item(form.itemCode(), "itemCode", errors);
        UUID technician = required(form.technicianId(), "technicianId", errors);
        BigDecimal quantity = quantity(form.quantity(), "quantity", errors);
        if (Text.blankToNull(form.concept()) == null) {
            errors.rejectValue("concept", "service.form.required");
        }
        return new TechnicianMovements.MovementRequest(location, item, technician, form.concept(),
                Text.blankToNull(form.type()), quantity, Text.blankToNull(form.workOrder()), Text.blankToNull(form.note()));
    }

    WarrantyClaims.ClaimRequest claim(ClaimForm form, BindingResult errors) {
        UUID item = item(form.itemCode(), "itemCode", errors);
        BigDecimal quantity = quantity(form.quantity(), "quantity", errors);
        UUID location = required(form.locationId(), "locationId", errors);
        UUID technician = Text.blankToNull(form.technicianId()) == null ? null : uuid(form.technicianId());
        String reason = Text.blankToNull(form.failureReason());
        if (reason == null) {
            errors.rejectValue("failureReason", "service.form.required");
        }
        Integer mileage = null;
        if (Text.blankToNull(form.mileage()) != null) {
            BigDecimal number = FormNumbers.decimal(form.mileage());
            if (number == null || number.signum() < 0 || number.stripTrailingZeros().scale() > 0
                    || number.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
                errors.rejectValue("mileage", "service.form.mileage");
            } else {
                mileage = number.intValue();
            }
        }
        return new WarrantyClaims.ClaimRequest(item, quantity, location, technician, reason, mileage,
                Text.blankToNull(form.workOrder()), Text.blankToNull(form.requester()), "true".equals(form.submit()));
    }

    private UUID item(String code, String field, BindingResult errors) {
        if (Text.blankToNull(code) == null) {
            errors.rejectValue(field, "service.form.required");
            return null;
        }
        UUID item = lookups.itemByCode(code).orElse(null);
        if (item == null) {
            errors.rejectValue(field, "service.form.itemUnknown");
        }
        return item;
    }

    static BigDecimal quantity(String text, String field, BindingResult errors) {
        BigDecimal quantity = FormNumbers.decimal(text);
        if (quantity == null || quantity.signum() <= 0 || quantity.compareTo(new BigDecimal("99999999999")) > 0) {
            errors.rejectValue(field, "service.form.quantity");
            return null;
        }
        return quantity;
    }

    private static UUID required(String id, String field, BindingResult errors) {
        UUID uuid = uuid(id);
        if (uuid == null) {
            errors.rejectValue(field, "service.form.required");
        }
        return uuid;
    }

    static UUID uuid(String text) {
        try {
            return Text.blankToNull(text) == null ? null : UUID.fromString(text.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
