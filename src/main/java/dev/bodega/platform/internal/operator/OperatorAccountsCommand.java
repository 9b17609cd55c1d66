package dev.bodega.platform.internal.operator;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.util.List;

/**
 * The first operator: {@code --create-operator=<email>} with the password in BODEGA_OPERATOR_PASSWORD (or
 * {@code --operator-password=}) creates it (or resets its password) and exits 0, or 2 on failure, as
 * {@code --rotate-secrets} does. On a normal start, {@code bodega.operator.email} and {@code bodega.operator.password}
 * (BODEGA_OPERATOR_EMAIL, BODEGA_OPERATOR_PASSWORD) create it if missing. (The demo's operator comes with the demo
 * company.)
 */
@Component
class OperatorAccountsCommand implements ApplicationRunner {

    static final String CREATE = "create-operator";

    private final Operators operators;
    private final ConfigurableApplicationContext context;
    private final String configuredEmail;
    private final String configuredPassword;

    OperatorAccountsCommand(Operators operators, ConfigurableApplicationContext context,
                            @Value("${bodega.operator.email:}") String configuredEmail,
                            @Value("${bodega.operator.password:}") String configuredPassword) {
        this.operators = operators;
        this.context = context;
        this.configuredEmail = configuredEmail;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (args.containsOption(CREATE)) {
            int code = create(first(args.getOptionValues(CREATE)), password(args), System.out);
            System.exit(SpringApplication.exit(context, () -> code));
        }
        if (!configuredEmail.isBlank() && !configuredPassword.isBlank()) {
            operators.createIfMissing(configuredEmail, configuredEmail, configuredPassword);
        }
    }

    int create(String email, String password, PrintStream out) {
        try {
            if (email == null || !email.contains("@")) {
                throw new IllegalArgumentException("give the operator's email: --create-operator=<email>");
            }
            operators.createOrReset(email, email, password);
            out.println("create-operator: " + Operators.normalize(email) + " may sign in at /operator/login");
            return 0;
        } catch (RuntimeException e) {
            out.println("create-operator: failed: " + e.getMessage());
            return 2;
        }
    }

    private String password(ApplicationArguments args) {
        String given = first(args.getOptionValues("operator-password"));
        return given != null ? given : configuredPassword;
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
