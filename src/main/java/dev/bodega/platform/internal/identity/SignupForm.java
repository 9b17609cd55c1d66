package dev.bodega.platform.internal.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Sign-up fields, shared by the page and the API. Messages are bundle keys. */
record SignupForm(
        @NotBlank(message = "{signup.company.required}") @Size(max = 200, message = "{field.too-long}")
        String companyName,
        @NotBlank(message = "{signup.slug.required}")
        @Pattern(regexp = "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$", message = "{signup.slug.invalid}")
        String slug,
        @NotBlank(message = "{signup.name.required}") @Size(max = 200, message = "{field.too-long}")
        String adminName,
        @NotBlank(message = "{signup.email.required}") @Email(message = "{field.email.invalid}")
        @Size(max = 254, message = "{field.too-long}")
        String email,
        @NotBlank(message = "{field.password.required}") @Size(min = 8, max = 72, message = "{field.password.length}")
        String password,
        @Pattern(regexp = "^(es|en)?$", message = "{signup.locale.invalid}")
        String locale) {

    SignupService.Signup toSignup() {
        return new SignupService.Signup(slug, companyName, adminName, email.trim().toLowerCase(), password,
                locale == null || locale.isBlank() ? "es" : locale);
    }

    static SignupForm empty() {
        return new SignupForm("", "", "", "", "", "es");
    }
}
