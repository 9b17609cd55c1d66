package dev.bodega.platform.internal.secrets;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

import java.io.PrintStream;

/**
 * {@code --rotate-secrets}: adds a new primary key to the keyset file and re-encrypts every stored secret with it;
 * {@code --reencrypt-secrets}: only re-encrypts (after the keyset in BODEGA_SECRETS_KEYSET got a new primary).
 * Old keys stay in the keyset, so a server still running with the old file keeps working. Exits 0, or 2 on failure.
 */
@Component
class RotateSecretsCommand implements ApplicationRunner {

    static final String ROTATE = "rotate-secrets";
    static final String REENCRYPT = "reencrypt-secrets";

    private final TinkSecrets secrets;
    private final SecretsReencryption reencryption;
    private final ConfigurableApplicationContext context;

    RotateSecretsCommand(TinkSecrets secrets, SecretsReencryption reencryption,
                         ConfigurableApplicationContext context) {
        this.secrets = secrets;
        this.reencryption = reencryption;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean rotate = args.containsOption(ROTATE);
        if (!rotate && !args.containsOption(REENCRYPT)) {
            return;
        }
        int code = execute(rotate, System.out);
        System.exit(SpringApplication.exit(context, () -> code));
    }

    int execute(boolean rotate, PrintStream out) {
        try {
            if (rotate) {
                out.println("rotate-secrets: new primary key " + secrets.rotate());
            }
            out.println("rotate-secrets: re-encrypted " + reencryption.reencryptAll() + " secret(s) with key "
                    + secrets.primaryKeyId());
            return 0;
        } catch (RuntimeException e) {
            out.println("rotate-secrets: failed: " + e.getMessage());
            return 2;
        }
    }
}
