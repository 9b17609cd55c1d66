package dev.bodega.service.internal;

import dev.bodega.platform.ProblemType;
import org.springframework.http.HttpStatus;

/** The problems of service work: technician movements, their returns, warranty claims and their photos. */
enum ServiceProblem implements ProblemType {

    UNKNOWN_LOCATION("unknown-location", HttpStatus.UNPROCESSABLE_CONTENT),
    UNKNOWN_ITEM("unknown-item", HttpStatus.UNPROCESSABLE_CONTENT),
    QUANTITY_DECIMALS("quantity-decimals", HttpStatus.UNPROCESSABLE_CONTENT),
    NOT_A_TECHNICIAN("not-a-technician", HttpStatus.UNPROCESSABLE_CONTENT),
    UNKNOWN_CONCEPT("unknown-concept", HttpStatus.UNPROCESSABLE_CONTENT),
    CONCEPT_TYPE("concept-type", HttpStatus.UNPROCESSABLE_CONTENT),
    NOT_RETURNABLE("movement-not-returnable", HttpStatus.CONFLICT),
    OVER_RETURN("over-return", HttpStatus.CONFLICT),
    ALREADY_SETTLED("movement-already-settled", HttpStatus.CONFLICT),
    UNKNOWN_CLAIM_STATUS("unknown-claim-status", HttpStatus.UNPROCESSABLE_CONTENT),
    ILLEGAL_TRANSITION("claim-illegal-transition", HttpStatus.CONFLICT),
    COMMENTS_REQUIRED("resolution-comments-required", HttpStatus.UNPROCESSABLE_CONTENT),
    NOT_REPLACEABLE("claim-not-replaceable", HttpStatus.CONFLICT),
    PHOTO_MISSING("photo-missing", HttpStatus.UNPROCESSABLE_CONTENT),
    PHOTO_NOT_IMAGE("photo-not-image", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    PHOTO_TOO_LARGE("photo-too-large", HttpStatus.CONTENT_TOO_LARGE),
    TOO_MANY_PHOTOS("too-many-photos", HttpStatus.CONFLICT);

    private final String slug;
    private final HttpStatus status;

    ServiceProblem(String slug, HttpStatus status) {
        this.slug = slug;
        this.status = status;
    }

    @Override
    public String slug() {
        return slug;
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
