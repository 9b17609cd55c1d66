package dev.bodega.service.internal;

import dev.bodega.platform.CursorPage;
import dev.bodega.platform.Idempotency;
import dev.bodega.platform.PageQuery;
import dev.bodega.platform.RequiresPermission;
import dev.bodega.platform.Versioned;
import dev.bodega.service.internal.ClaimViews.ClaimView;
import dev.bodega.service.internal.ClaimViews.PhotoView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.util.UUID;

/** Warranty claims (seed 003 garantias): filing, review, the replacement, evidence photos. */
@RestController
@RequestMapping("/api/v1/service/warranty-claims")
@Tag(name = "Warranty claims")
class WarrantyApiController {

    private final WarrantyClaims claims;
    private final ClaimPhotos photos;

    WarrantyApiController(WarrantyClaims claims, ClaimPhotos photos) {
        this.claims = claims;
        this.photos = photos;
    }

    @GetMapping
    @RequiresPermission("guarantees.view")
    @Operation(summary = "Warranty claims, newest first; filter by status (SIN_ENVIAR, PENDIENTE, APROBADA, RECHAZADA)")
    CursorPage<ClaimView> list(@RequestParam(required = false) String status, PageQuery<UUID> page) {
        return claims.list(status, page.cursor(), page.limit());
    }

    @GetMapping("/{id}")
    @RequiresPermission("guarantees.view")
    @Operation(summary = "A warranty claim with its photos; the ETag is its version")
    Versioned<ClaimView> get(@PathVariable UUID id) {
        return Versioned.of(claims.get(id), ClaimView::version);
    }

    @PostMapping
    @RequiresPermission("guarantees.create")
    @Operation(summary = "File a warranty claim (SIN_ENVIAR, or PENDIENTE with submit: true); takes an Idempotency-Key")
    ResponseEntity<?> create(@RequestHeader(value = Idempotency.HEADER, required = false) String key,
                             @Valid @RequestBody WarrantyClaims.ClaimRequest request) {
        return claims.create(key, request);
    }

    @PostMapping("/{id}/submit")
    @RequiresPermission("guarantees.create")
    @Operation(summary = "Send a draft for review (SIN_ENVIAR → PENDIENTE); those who may resolve it are notified",
            description = "Any other state is 409 claim-illegal-transition, and nothing changes.")
    Versioned<ClaimView> submit(@PathVariable UUID id) {
        return Versioned.of(claims.submit(id), ClaimView::version);
    }

    @PostMapping("/{id}/approve")
    @RequiresPermission("guarantees.resolve")
    @Operation(summary = "Approve a pending claim (PENDIENTE → APROBADA), with optional comments")
    Versioned<ClaimView> approve(@PathVariable UUID id, @Valid @RequestBody(required = false) WarrantyClaims.Resolution resolution) {
        return Versioned.of(claims.approve(id, resolution), ClaimView::version);
    }

    @PostMapping("/{id}/reject")
    @RequiresPermission("guarantees.resolve")
    @Operation(summary = "Reject a pending claim (PENDIENTE → RECHAZADA); comments say why and are required")
    Versioned<ClaimView> reject(@PathVariable UUID id, @Valid @RequestBody(required = false) WarrantyClaims.Resolution resolution) {
        return Versioned.of(claims.reject(id, resolution), ClaimView::version);
    }

    @PostMapping("/{id}/replacement")
    @RequiresPermission("guarantees.resolve")
    @Operation(summary = "Send an approved claim's replacement out of stock as a WARRANTY issue, once; takes an Idempotency-Key",
            description = "From locationId (default: the claim's location). A claim not approved, or already "
                    + "replaced, is 409 claim-not-replaceable; missing stock is 409 insufficient-stock.")
    ResponseEntity<?> replace(@PathVariable UUID id,
                              @RequestHeader(value = Idempotency.HEADER, required = false) String key,
                              @RequestBody(required = false) WarrantyClaims.ReplacementRequest request) {
        return claims.replace(key, id, request == null ? new WarrantyClaims.ReplacementRequest(null) : request);
    }

    @PostMapping("/{id}/photos")
    @RequiresPermission("guarantees.create")
    @Operation(summary = "Add an evidence photo (multipart part \"file\": JPEG, PNG, GIF or WebP, by content)",
            description = "Anything else is 415 photo-not-image; a file over the size limit is 413 photo-too-large.")
    ResponseEntity<PhotoView> addPhoto(@PathVariable UUID id, @RequestParam(value = "file", required = false) MultipartFile file) {
        return ResponseEntity.status(HttpStatus.CREATED).body(photos.add(id, file));
    }

    @GetMapping("/{id}/photos/{photoId}")
    @RequiresPermission("guarantees.view")
    @Operation(summary = "An evidence photo's image")
    ResponseEntity<byte[]> photo(@PathVariable UUID id, @PathVariable UUID photoId) {
        return PhotoResponses.of(photos.get(id, photoId));
    }
}
