package dev.bodega.platform.internal.settings;

import dev.bodega.platform.RequiresPermission;
import dev.bodega.platform.TenantSettings;
import dev.bodega.platform.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The company's settings; the version travels as the ETag. */
@RestController
@RequestMapping("/api/v1/settings")
@Tag(name = "Settings")
class SettingsApiController {

    private final SettingsStore settings;

    SettingsApiController(SettingsStore settings) {
        this.settings = settings;
    }

    @GetMapping
    @RequiresPermission("settings.read")
    @Operation(summary = "The company's settings, with the version as ETag")
    ResponseEntity<TenantSettings> get() {
        return withETag(settings.current());
    }

    @PutMapping
    @RequiresPermission("settings.write")
    @Operation(summary = "Change the settings; needs If-Match with the version from GET")
    ResponseEntity<TenantSettings> update(@RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                          @Valid @RequestBody SettingsChange change) {
        return withETag(settings.update(change, versionFrom(ifMatch)));
    }

    private static long versionFrom(String ifMatch) {
        Long version = Versions.fromIfMatch(ifMatch);
        if (version == null) {
            throw Versions.required();
        }
        return version;
    }

    private static ResponseEntity<TenantSettings> withETag(TenantSettings current) {
        return ResponseEntity.ok().eTag(Versions.etag(current.version())).body(current);
    }
}
