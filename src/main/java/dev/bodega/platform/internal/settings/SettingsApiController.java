package dev.bodega.platform.internal.settings;

import dev.bodega.platform.Problems;
import dev.bodega.platform.RequiresPermission;
import dev.bodega.platform.TenantSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
        return withETag(settings.update(change, IfMatch.version(ifMatch)));
    }

    private static ResponseEntity<TenantSettings> withETag(TenantSettings current) {
        return ResponseEntity.ok().eTag(IfMatch.etag(current.version())).body(current);
    }

    /** Reads {@code If-Match: "<version>"}; a missing header is 428, one that names no version can only be stale. */
    static final class IfMatch {
        private IfMatch() {
        }

        static String etag(long version) {
            return "\"" + version + "\"";
        }

        static long version(String header) {
            if (header == null || header.isBlank() || header.trim().equals("*")) {
                throw Problems.of(HttpStatus.PRECONDITION_REQUIRED, "if-match-required",
                        "Send If-Match with the ETag from GET /api/v1/settings");
            }
            String value = header.trim();
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            value = value.replace("\"", "");
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw Problems.staleVersion();
            }
        }
    }
}
