package dev.bodega.platform.internal.partners;

import java.util.UUID;

/** The organization page's form (a bean, so an unticked "active" box binds as false). */
public class OrganizationForm {

    private String name;
    private String type = "customer";
    private UUID parentId;
    private String address;
    private String contact;
    private boolean active = true;

    static OrganizationForm of(PartnerOrganizations.OrganizationView o) {
        OrganizationForm form = new OrganizationForm();
        form.name = o.name();
        form.type = o.type();
        form.parentId = o.parentId();
        form.address = o.address();
        form.contact = o.contact();
        form.active = o.active();
        return form;
    }

    PartnerOrganizations.OrganizationRequest toRequest() {
        return new PartnerOrganizations.OrganizationRequest(name, type, parentId, address, contact, active);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public UUID getParentId() {
        return parentId;
    }

    public void setParentId(UUID parentId) {
        this.parentId = parentId;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getContact() {
        return contact;
    }

    public void setContact(String contact) {
        this.contact = contact;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
