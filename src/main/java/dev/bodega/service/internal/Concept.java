package dev.bodega.service.internal;

import dev.bodega.platform.Problems;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Why parts moved to or from a technician (seed 003 movimientos_tecnicos.concepto), and the movement types
 * (tipo: ingreso adds stock, salida and venta take it) each may have. A quote moves no stock, whatever its type;
 * a devolucion is only made by returning parts of a movement still out.
 */
enum Concept {
    SALIDA("salida"), INGRESO("ingreso"), VENTA("venta"), GARANTIA("garantia"), PRESTAMO("prestamo"),
    COTIZACION("cotizacion"), DEVOLUCION("devolucion");

    static final String IN = "ingreso";
    static final String OUT = "salida";
    static final String SOLD = "venta";
    static final List<String> TYPES = List.of(IN, OUT, SOLD);

    private final String code;

    Concept(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    /** The type a movement of this concept gets when none is given. */
    String defaultType() {
        return switch (this) {
            case INGRESO, DEVOLUCION -> IN;
            case VENTA -> SOLD;
            default -> OUT;
        };
    }

    Set<String> allowedTypes() {
        return this == COTIZACION ? Set.copyOf(TYPES) : Set.of(defaultType());
    }

    boolean movesStock() {
        return this != COTIZACION;
    }

    /** Parts the technician holds until they come back or the job is settled. */
    boolean isLoan() {
        return this == SALIDA || this == PRESTAMO;
    }

    /** Concepts a person records directly (a devolucion comes from returning a loan). */
    static List<Concept> recordable() {
        return Arrays.stream(values()).filter(c -> c != DEVOLUCION).toList();
    }

    static Concept of(String code) {
        if (code != null) {
            for (Concept concept : values()) {
                if (concept.code.equals(code.trim().toLowerCase(Locale.ROOT))) {
                    return concept;
                }
            }
        }
        throw Problems.of(ServiceProblem.UNKNOWN_CONCEPT, "Unknown concept " + code + "; one of salida, ingreso, "
                + "venta, garantia, prestamo, cotizacion (a devolucion is made by returning parts)");
    }
}
