package dev.bodega.platform.internal.partners;

import dev.bodega.platform.PartnerSetup;
import org.springframework.stereotype.Service;

import java.util.UUID;

@Service
class PartnerSetupService implements PartnerSetup {

    private final PartnerOrganizations organizations;

    PartnerSetupService(PartnerOrganizations organizations) {
        this.organizations = organizations;
    }

    @Override
    public UUID createOrganization(NewOrganization o) {
        return organizations.create(new PartnerOrganizations.OrganizationRequest(o.name(), o.type(), o.parentId(),
                o.address(), o.contact(), true)).id();
    }
}
