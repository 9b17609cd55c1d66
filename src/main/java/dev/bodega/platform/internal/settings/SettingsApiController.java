package dev.bodega.platform.internal.settings;

import dev.bodega.platform.IfMatch;
import dev.bodega.platform.RequiresPermission;
import dev.bodega.platform.TenantSettings;
import dev.bodega.platform.Versioned;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
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
    Versioned<TenantSettings> get() {
        return Versioned.of(settings.current(), TenantSettings::version);
    }

    @PutMapping
    @RequiresPermission("settings.write")
    @Operation(summary = "Change the settings; needs If-Match with the version from GET")
    Versioned<TenantSettings> update(IfMatch ifMatch, @Valid @RequestBody SettingsChange change) {
        return Versioned.of(settings.update(change, ifMatch.required()), TenantSettings::version);
    }
}
