package dev.bodega.catalog.internal.suppliers;

/** The supplier page's form (a bean, so an unticked "active" box binds as false); becomes a SupplierRequest. */
public class SupplierForm {

    private String name;
    private String taxId;
    private String contactName;
    private String email;
    private String phone;
    private String address;
    private String city;
    private String country;
    private String notes;
    private boolean active = true;
    private java.util.UUID organizationId;

    static SupplierForm of(Suppliers.SupplierView s) {
        SupplierForm form = new SupplierForm();
        form.name = s.name();
        form.taxId = s.taxId();
        form.contactName = s.contactName();
        form.email = s.email();
        form.phone = s.phone();
        form.address = s.address();
        form.city = s.city();
        form.country = s.country();
        form.notes = s.notes();
        form.active = s.active();
        form.organizationId = s.organizationId();
        return form;
    }

    Suppliers.SupplierRequest toRequest() {
        return new Suppliers.SupplierRequest(name, taxId, contactName, email, phone, address, city, country, notes, active,
                organizationId);
    }

    public java.util.UUID getOrganizationId() {
        return organizationId;
    }

    public void setOrganizationId(java.util.UUID organizationId) {
        this.organizationId = organizationId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getTaxId() {
        return taxId;
    }

    public void setTaxId(String taxId) {
        this.taxId = taxId;
    }

    public String getContactName() {
        return contactName;
    }

    public void setContactName(String contactName) {
        this.contactName = contactName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
