package dev.bodega.platform.internal.webhooks;

import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The server-side request forgery guard with private addresses not allowed (the default outside tests). */
class AddressPolicyTest {

    private final AddressPolicy strict = new AddressPolicy(false);

    @Test
    void loopbackLinkLocalPrivateAndUniqueLocalAddressesAreRefused() {
        for (String url : new String[]{"http://127.0.0.1:8080/hook", "http://localhost/hook", "http://10.1.2.3/",
                "http://172.16.0.9/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data",
                "http://100.64.0.1/", "http://0.0.0.0/", "http://[::1]/", "http://[fd12:3456::1]/",
                "http://[fe80::1]/", "http://[::ffff:10.0.0.1]/"}) {
            assertThatThrownBy(() -> strict.check(url)).as(url).isInstanceOfSatisfying(ErrorResponseException.class,
                    e -> assertThat(e.getBody().getType().toString()).endsWith("/webhook-address-refused"));
        }
    }

    @Test
    void publicAddressesPassAndPrivateOnesOnlyWhenTheOperatorAllowsThem() {
        assertThat(strict.check("https://93.184.215.14/hook").getHost()).isEqualTo("93.184.215.14");
        assertThat(strict.check("http://[2606:4700::1111]/hook").getPort()).isEqualTo(-1);
        assertThat(new AddressPolicy(true).check("http://127.0.0.1:8080/hook").getPort()).isEqualTo(8080);
    }
}
