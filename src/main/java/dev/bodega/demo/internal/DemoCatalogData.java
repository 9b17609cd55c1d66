package dev.bodega.demo.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo catalog's content, generated from families of items ("Tornillo
 * hexagonal M6 x 20 mm" for each size) so it is realistic, large enough to
 * search and always the same.
 */
final class DemoCatalogData {

    record Supplier(String key, String name, String taxId, String contact, String email, String phone, String city) {
    }

    record Item(String sku, String barcode, String name, String description, String brand, String category, String kind,
                String unit, BigDecimal costPrice, BigDecimal salePrice, BigDecimal minStock, BigDecimal maxStock,
                int manufacturerDays, int supplierDays, List<String> suppliers) {
    }

    record Data(List<String> categories, List<Supplier> suppliers, List<Item> items) {
    }

    static final List<String> CATEGORIES = List.of(
            "Herramientas", "Herramientas/Manuales", "Herramientas/Eléctricas",
            "Tornillería", "Tornillería/Tornillos", "Tornillería/Tuercas y arandelas", "Tornillería/Clavos y alambre",
            "Electricidad", "Electricidad/Cables", "Electricidad/Interruptores y tomas", "Electricidad/Iluminación",
            "Plomería", "Plomería/Tubería y conexiones", "Plomería/Grifería",
            "Pinturas", "Pinturas/Látex y esmaltes", "Pinturas/Accesorios",
            "Repuestos", "Repuestos/Motor", "Repuestos/Frenos", "Repuestos/Suspensión");

    static final List<Supplier> SUPPLIERS = List.of(
            new Supplier("ferretera", "Distribuidora Ferretera del Norte S.A.S.", "900123456-1", "Luisa Martínez",
                    "ventas@ferreteranorte.example", "+57 604 444 1200", "Medellín"),
            new Supplier("fijaciones", "Tornillos y Fijaciones Andina Ltda.", "900234567-2", "Jorge Ramírez",
                    "pedidos@fijacionesandina.example", "+57 601 555 2300", "Bogotá"),
            new Supplier("electricos", "Eléctricos Continental S.A.", "900345678-3", "Marcela Gómez",
                    "comercial@electricoscontinental.example", "+57 602 666 3400", "Cali"),
            new Supplier("pinturas", "Pinturas y Acabados Arcoíris S.A.S.", "900456789-4", "Andrés Castro",
                    "servicio@arcoiris.example", "+57 605 777 4500", "Barranquilla"),
            new Supplier("autopartes", "Autopartes La Rueda S.A.S.", "900567890-5", "Patricia Rojas",
                    "repuestos@larueda.example", "+57 607 888 5600", "Bucaramanga"));

    private static final List<String> VEHICLES = List.of("Toyota Hilux 2.4", "Nissan Frontier 2.5",
            "Chevrolet D-Max 3.0", "Mazda BT-50 2.2", "Ford Ranger 3.2", "Renault Duster 1.6");

    private final List<Item> items = new ArrayList<>();
    private final Map<String, Integer> skuCounters = new HashMap<>();
    private int barcodeSequence = 100_000;

    private DemoCatalogData() {
    }

    static Data generate() {
        DemoCatalogData data = new DemoCatalogData();
        data.tools();
        data.fasteners();
        data.electrical();
        data.plumbing();
        data.paints();
        data.spareParts();
        return new Data(CATEGORIES, SUPPLIERS, List.copyOf(data.items));
    }

    private void tools() {
        String manual = "Herramientas/Manuales";
        for (String brand : List.of("Stanley", "Truper")) {
            for (int oz : new int[]{16, 20, 24}) {
                add(manual, "HMA", "Martillo carpintero " + oz + " oz", "Martillo de uña con mango antivibración.",
                        brand, "pcs", 9.5 + oz * 0.45, "ferretera");
            }
        }
        for (String type : List.of("plano", "de estrella")) {
            for (String size : List.of("1/8\"", "3/16\"", "1/4\"", "5/16\"")) {
                add(manual, "HMA", "Destornillador " + type + " " + size, "Punta magnética, mango ergonómico.",
                        "Stanley", "pcs", 3.2 + size.length() * 0.4, "ferretera");
            }
        }
        for (int mm : new int[]{8, 10, 12, 13, 14, 17, 19}) {
            add(manual, "HMA", "Llave combinada " + mm + " mm", "Acero cromo vanadio, boca y estría.", "Truper",
                    "pcs", 3.0 + mm * 0.35, "ferretera");
        }
        for (String pliers : List.of("universal 8\"", "de corte diagonal 6\"", "de punta 6\"", "de presión 10\"")) {
            add(manual, "HMA", "Alicate " + pliers, "Alicate con mango aislado.", "Truper", "pcs", 8.9, "ferretera");
        }
        add(manual, "HMA", "Juego de llaves hexagonales 9 piezas métricas", "Llaves Allen de 1.5 a 10 mm.",
                "Stanley", "pcs", 7.5, "ferretera");
        add(manual, "HMA", "Juego de llaves hexagonales 9 piezas en pulgadas", "Llaves Allen de 1/16\" a 3/8\".",
                "Stanley", "pcs", 7.5, "ferretera");
        for (String saw : List.of("Serrucho 20\"", "Serrucho 22\"", "Segueta con marco 12\"")) {
            add(manual, "HMA", saw, "Hoja de acero templado.", "Truper", "pcs", 11.0, "ferretera");
        }
        for (int m : new int[]{3, 5, 8}) {
            add(manual, "HMA", "Cinta métrica " + m + " m", "Cinta con freno y gancho magnético.", "Stanley", "pcs",
                    3.5 + m * 0.9, "ferretera");
        }
        for (int cm : new int[]{30, 60}) {
            add(manual, "HMA", "Nivel de burbuja " + cm + " cm", "Cuerpo de aluminio, tres burbujas.", "Stanley",
                    "pcs", 6.0 + cm * 0.15, "ferretera");
        }
        for (String width : List.of("2\"", "3\"", "4\"")) {
            add(manual, "HMA", "Espátula " + width, "Hoja flexible de acero inoxidable.", "Truper", "pcs", 2.8,
                    "ferretera", "pinturas");
        }

        String power = "Herramientas/Eléctricas";
        for (String brand : List.of("Bosch", "DeWalt", "Makita")) {
            add(power, "HEL", "Taladro percutor 1/2\" 650 W", "Taladro con percusión, velocidad variable.", brand,
                    "pcs", 79.9, "ferretera");
            add(power, "HEL", "Taladro percutor 1/2\" 800 W", "Taladro con percusión, reversible, mandril de llave.",
                    brand, "pcs", 99.9, "ferretera");
        }
        for (String brand : List.of("Bosch", "DeWalt")) {
            add(power, "HEL", "Amoladora angular 4-1/2\" 850 W", "Pulidora para corte y desbaste.", brand, "pcs",
                    69.0, "ferretera");
            add(power, "HEL", "Amoladora angular 7\" 2200 W", "Pulidora de alto rendimiento.", brand, "pcs", 149.0,
                    "ferretera");
            add(power, "HEL", "Atornillador inalámbrico 12 V", "Con dos baterías de litio y cargador.", brand, "pcs",
                    89.0, "ferretera");
            add(power, "HEL", "Atornillador inalámbrico 18 V", "Con dos baterías de litio y cargador.", brand, "pcs",
                    139.0, "ferretera");
        }
        for (String brand : List.of("Bosch", "Makita")) {
            add(power, "HEL", "Sierra circular 7-1/4\" 1400 W", "Sierra con guía paralela y disco de 24 dientes.",
                    brand, "pcs", 119.0, "ferretera");
        }
        for (int mm : new int[]{6, 8, 10, 12}) {
            add(power, "HEL", "Broca para concreto " + mm + " mm", "Broca con punta de carburo de tungsteno.", "Bosch",
                    "pcs", 1.8 + mm * 0.25, "ferretera");
        }
        for (String thickness : List.of("1.0", "1.6")) {
            add(power, "HEL", "Disco de corte para metal 4-1/2\" x " + thickness + " mm", "Disco abrasivo.", "Norton",
                    "pcs", 1.5, "ferretera");
        }
        add(power, "HEL", "Lijadora orbital 1/4 de hoja", "Lijadora con bolsa colectora de polvo.", "Makita", "pcs",
                65.0, "ferretera");
        add(power, "HEL", "Pistola de calor 2000 W", "Dos temperaturas, boquillas incluidas.", "Bosch", "pcs", 49.0,
                "ferretera");
    }

    private void fasteners() {
        String screws = "Tornillería/Tornillos";
        for (int m : new int[]{6, 8, 10, 12}) {
            for (int length : new int[]{20, 30, 40, 50, 60, 80}) {
                add(screws, "TOR", "Tornillo hexagonal M" + m + " x " + length + " mm",
                        "Tornillo de cabeza hexagonal, rosca métrica, acero galvanizado.", "Fijaciones Andina", "pcs",
                        0.05 + m * length * 0.0004, "fijaciones");
            }
        }
        for (int gauge : new int[]{8, 10}) {
            for (String length : List.of("1/2\"", "3/4\"", "1\"", "1-1/2\"", "2\"")) {
                add(screws, "TOR", "Tornillo autorroscante punta broca #" + gauge + " x " + length,
                        "Para lámina metálica, cabeza de arandela.", "Fijaciones Andina", "pcs", 0.06 + gauge * 0.004,
                        "fijaciones");
            }
        }
        for (String size : List.of("3.5 x 25", "3.5 x 35", "4 x 40", "4 x 50", "5 x 60", "5 x 70")) {
            add(screws, "TOR", "Tornillo para madera " + size + " mm", "Cabeza plana, punta aguda, zincado.",
                    "Fijaciones Andina", "pcs", 0.04, "fijaciones");
        }
        for (String length : List.of("1\"", "1-1/4\"", "1-5/8\"", "2\"")) {
            add(screws, "TOR", "Tornillo drywall 6 x " + length, "Para placa de yeso, fosfatado negro.",
                    "Fijaciones Andina", "pcs", 0.03, "fijaciones");
        }
        for (String size : List.of("1/4 x 2\"", "1/4 x 3\"", "5/16 x 3\"", "3/8 x 4\"")) {
            add(screws, "TOR", "Tornillo tirafondo " + size, "Cabeza hexagonal para madera, galvanizado.",
                    "Fijaciones Andina", "pcs", 0.22, "fijaciones");
        }

        String nuts = "Tornillería/Tuercas y arandelas";
        for (int m : new int[]{6, 8, 10, 12, 16}) {
            add(nuts, "TUE", "Tuerca hexagonal M" + m, "Tuerca de acero galvanizado.", "Fijaciones Andina", "pcs",
                    0.02 + m * 0.006, "fijaciones");
            add(nuts, "TUE", "Arandela plana M" + m, "Arandela de acero galvanizado.", "Fijaciones Andina", "pcs",
                    0.01 + m * 0.003, "fijaciones");
        }
        for (int m : new int[]{6, 8, 10, 12}) {
            add(nuts, "TUE", "Tuerca de seguridad M" + m, "Con inserto de nailon.", "Fijaciones Andina", "pcs",
                    0.04 + m * 0.008, "fijaciones");
            add(nuts, "TUE", "Arandela de presión M" + m, "Arandela partida de acero templado.", "Fijaciones Andina",
                    "pcs", 0.02 + m * 0.003, "fijaciones");
        }

        String nails = "Tornillería/Clavos y alambre";
        for (String length : List.of("1\"", "2\"", "2-1/2\"", "3\"", "4\"")) {
            add(nails, "CLA", "Clavo común con cabeza " + length, "Clavo de acero, se vende por kilo.",
                    "Fijaciones Andina", "kg", 2.4, "fijaciones");
        }
        for (int gauge : new int[]{12, 16, 18}) {
            add(nails, "CLA", "Alambre galvanizado calibre " + gauge, "Alambre de amarre, se vende por kilo.",
                    "Fijaciones Andina", "kg", 3.1, "fijaciones");
        }
    }

    private void electrical() {
        String cables = "Electricidad/Cables";
        for (int awg : new int[]{14, 12, 10, 8}) {
            for (String color : List.of("negro", "rojo", "blanco", "verde")) {
                add(cables, "CAB", "Cable eléctrico THHN " + awg + " AWG " + color,
                        "Conductor de cobre con aislamiento de PVC y nailon, se vende por metro.", "Centelsa", "m",
                        0.35 + (16 - awg) * 0.12, "electricos");
            }
        }
        for (int awg : new int[]{16, 14, 12}) {
            add(cables, "CAB", "Cable dúplex 2x" + awg + " AWG", "Cable paralelo para extensiones, por metro.",
                    "Centelsa", "m", 0.45 + (16 - awg) * 0.1, "electricos");
        }
        for (int awg : new int[]{14, 12}) {
            add(cables, "CAB", "Cable encauchado 3x" + awg + " AWG", "Cable de uso rudo, por metro.", "Centelsa",
                    "m", 1.2 + (14 - awg) * 0.3, "electricos");
        }
        for (String color : List.of("negra", "roja", "azul")) {
            add(cables, "CAB", "Cinta aislante " + color + " 18 m", "Cinta de PVC para empalmes.", "3M", "pcs", 1.1,
                    "electricos");
        }

        String switches = "Electricidad/Interruptores y tomas";
        for (String device : List.of("Interruptor sencillo", "Interruptor doble", "Interruptor conmutable",
                "Tomacorriente doble", "Tomacorriente con polo a tierra", "Tomacorriente GFCI")) {
            add(switches, "INT", device, "Línea residencial, color blanco.", "Leviton", "pcs",
                    device.contains("GFCI") ? 14.0 : 2.6, "electricos");
        }
        for (int amps : new int[]{15, 20, 30, 40}) {
            add(switches, "INT", "Breaker enchufable 1 polo " + amps + " A", "Interruptor termomagnético.",
                    "Schneider", "pcs", 6.5, "electricos");
        }

        String lighting = "Electricidad/Iluminación";
        for (int watts : new int[]{9, 12, 15, 20}) {
            for (String light : List.of("blanca", "cálida")) {
                add(lighting, "ILU", "Bombillo LED " + watts + " W luz " + light, "Rosca E27, larga duración.",
                        "Philips", "pcs", 1.5 + watts * 0.12, "electricos");
            }
        }
        for (int watts : new int[]{9, 18}) {
            add(lighting, "ILU", "Tubo LED T8 " + watts + " W", "Reemplazo de tubo fluorescente.", "Philips", "pcs",
                    3.0 + watts * 0.15, "electricos");
        }
        for (int watts : new int[]{50, 100}) {
            add(lighting, "ILU", "Reflector LED " + watts + " W", "Para exteriores, IP65.", "Philips", "pcs",
                    12.0 + watts * 0.18, "electricos");
        }
    }

    private void plumbing() {
        String pipes = "Plomería/Tubería y conexiones";
        for (String size : List.of("1/2\"", "3/4\"", "1\"")) {
            add(pipes, "PVC", "Tubo PVC presión " + size + " x 6 m", "Tubería para agua a presión, RDE 21.", "Pavco",
                    "pcs", 6.0 + size.length() * 1.5, "ferretera");
        }
        for (String size : List.of("2\"", "3\"", "4\"")) {
            add(pipes, "PVC", "Tubo PVC sanitario " + size + " x 6 m", "Tubería para desagüe.", "Pavco", "pcs",
                    9.0 + Integer.parseInt(size.substring(0, 1)) * 4.0, "ferretera");
        }
        for (String size : List.of("1/2\"", "3/4\"", "1\"", "2\"", "3\"", "4\"")) {
            add(pipes, "PVC", "Codo PVC 90° " + size, "Accesorio para soldar.", "Pavco", "pcs", 0.4 + size.length() * 0.2,
                    "ferretera");
        }
        for (String size : List.of("1/2\"", "3/4\"", "1\"", "2\"")) {
            add(pipes, "PVC", "Tee PVC " + size, "Accesorio para soldar.", "Pavco", "pcs", 0.5 + size.length() * 0.2,
                    "ferretera");
        }
        for (String size : List.of("1/2\"", "3/4\"", "1\"")) {
            add(pipes, "PVC", "Unión PVC " + size, "Accesorio para soldar.", "Pavco", "pcs", 0.3 + size.length() * 0.1,
                    "ferretera");
            add(pipes, "PVC", "Adaptador macho PVC " + size, "Rosca NPT para soldar.", "Pavco", "pcs",
                    0.35 + size.length() * 0.1, "ferretera");
        }
        add(pipes, "PVC", "Soldadura líquida PVC 1/4 gal", "Cemento solvente para tubería de PVC.", "Pavco", "pcs",
                9.5, "ferretera");
        add(pipes, "PVC", "Soldadura líquida PVC 1/8 gal", "Cemento solvente para tubería de PVC.", "Pavco", "pcs",
                5.9, "ferretera");
        add(pipes, "PVC", "Cinta teflón 1/2\" x 10 m", "Sellante de roscas.", "Pavco", "pcs", 0.5, "ferretera");
        add(pipes, "PVC", "Cinta teflón 3/4\" x 15 m", "Sellante de roscas.", "Pavco", "pcs", 0.8, "ferretera");
        add(pipes, "PVC", "Manguera de jardín 1/2\"", "Manguera reforzada, se vende por metro.", "Pavco", "m", 0.9,
                "ferretera");

        String taps = "Plomería/Grifería";
        for (String size : List.of("1/2\"", "3/4\"", "1\"")) {
            add(taps, "GRI", "Llave de paso " + size, "Válvula de bola en bronce.", "Grival", "pcs",
                    5.0 + size.length() * 1.2, "ferretera");
        }
        for (String tap : List.of("Grifo lavamanos cromado", "Grifo lavamanos monocontrol",
                "Mezcladora de cocina cuello alto", "Mezcladora de cocina extensible", "Ducha sencilla",
                "Ducha teléfono", "Sifón para lavamanos", "Sifón para lavaplatos", "Válvula de llenado para sanitario")) {
            add(taps, "GRI", tap, "Grifería con garantía de cinco años.", "Grival", "pcs",
                    tap.startsWith("Sifón") || tap.startsWith("Válvula") ? 4.5 : 24.0, "ferretera");
        }
    }

    private void paints() {
        String paints = "Pinturas/Látex y esmaltes";
        for (String color : List.of("blanca", "marfil", "gris perla", "azul cielo", "verde menta", "terracota",
                "amarillo arena", "negra")) {
            add(paints, "PIN", "Pintura látex " + color, "Pintura lavable para interiores y exteriores, por galón.",
                    "Pintuco", "gal", 18.5, "pinturas");
        }
        for (String color : List.of("blanco", "negro", "rojo", "azul", "verde", "gris")) {
            add(paints, "PIN", "Esmalte sintético " + color, "Esmalte brillante para madera y metal, por galón.",
                    "Pintuco", "gal", 24.0, "pinturas");
        }
        for (String color : List.of("gris", "rojo óxido")) {
            add(paints, "PIN", "Anticorrosivo " + color, "Base anticorrosiva para metal, por galón.", "Pintuco", "gal",
                    21.0, "pinturas");
        }
        add(paints, "PIN", "Sellador acrílico", "Sellador para muros antes de pintar, por galón.", "Pintuco", "gal",
                14.0, "pinturas");
        add(paints, "PIN", "Impermeabilizante para techos", "Recubrimiento elastomérico, por galón.", "Sika", "gal",
                27.0, "pinturas");
        add(paints, "PIN", "Thinner corriente", "Disolvente para esmaltes, por litro.", "Pintuco", "l", 3.2, "pinturas");
        add(paints, "PIN", "Varsol", "Disolvente para limpieza de brochas, por litro.", "Pintuco", "l", 2.8, "pinturas");

        String accessories = "Pinturas/Accesorios";
        for (String width : List.of("1\"", "2\"", "3\"", "4\"")) {
            add(accessories, "ACP", "Brocha " + width, "Cerda natural, mango de madera.", "Goya", "pcs",
                    1.0 + width.length() * 0.8, "pinturas");
        }
        for (String roller : List.of("Rodillo de felpa 9\"", "Rodillo de espuma 9\"", "Minirrodillo 4\"")) {
            add(accessories, "ACP", roller, "Con mango y marco metálico.", "Goya", "pcs", 4.5, "pinturas");
        }
        add(accessories, "ACP", "Bandeja para pintura", "Bandeja plástica para rodillo de 9\".", "Goya", "pcs", 2.5,
                "pinturas");
        for (int grit : new int[]{80, 120, 150, 220, 400}) {
            add(accessories, "ACP", "Lija de agua grano " + grit, "Pliego de 23 x 28 cm.", "Abracol", "pcs", 0.6,
                    "pinturas");
        }
        for (String width : List.of("1/2\"", "1\"", "2\"")) {
            add(accessories, "ACP", "Cinta de enmascarar " + width, "Rollo de 40 m.", "3M", "pcs",
                    1.2 + width.length() * 0.3, "pinturas");
        }
        add(accessories, "ACP", "Masilla plástica 1/4 gal", "Resanador para muros.", "Pintuco", "pcs", 5.5, "pinturas");
        add(accessories, "ACP", "Masilla plástica 1 gal", "Resanador para muros.", "Pintuco", "pcs", 16.0, "pinturas");
    }

    private void spareParts() {
        String engine = "Repuestos/Motor";
        for (String vehicle : VEHICLES) {
            add(engine, "MOT", "Filtro de aceite " + vehicle, "Filtro de aceite de rosca, calidad original.", "Bosch",
                    "pcs", 7.5, "autopartes");
            add(engine, "MOT", "Filtro de aire " + vehicle, "Elemento filtrante de papel.", "Mann", "pcs", 12.0,
                    "autopartes");
            add(engine, "MOT", "Filtro de combustible " + vehicle, "Filtro diésel o gasolina según motor.", "Bosch",
                    "pcs", 15.0, "autopartes");
            add(engine, "MOT", "Correa de accesorios " + vehicle, "Correa poly-V.", "Gates", "pcs", 19.0,
                    "autopartes");
        }
        for (String plug : List.of("NGK BKR5E", "NGK BKR6E", "Denso K20TT")) {
            add(engine, "MOT", "Bujía " + plug, "Bujía de encendido de níquel.", plug.split(" ")[0], "pcs", 2.9,
                    "autopartes");
        }
        for (String grade : List.of("15W-40", "20W-50", "5W-30")) {
            add(engine, "MOT", "Aceite de motor " + grade, "Aceite mineral o sintético, por litro.", "Mobil", "l",
                    grade.startsWith("5") ? 9.0 : 6.0, "autopartes");
        }
        add(engine, "MOT", "Refrigerante para radiador", "Anticongelante concentrado, por litro.", "Prestone", "l",
                4.5, "autopartes");

        String brakes = "Repuestos/Frenos";
        for (String vehicle : VEHICLES) {
            add(brakes, "FRE", "Pastillas de freno delanteras " + vehicle, "Juego de pastillas semimetálicas.", "Bosch",
                    "set", 28.0, "autopartes");
            add(brakes, "FRE", "Disco de freno delantero " + vehicle, "Disco ventilado.", "Brembo", "pcs", 45.0,
                    "autopartes");
            add(brakes, "FRE", "Bandas de freno traseras " + vehicle, "Juego de bandas para tambor.", "Bosch", "set",
                    22.0, "autopartes");
        }
        add(brakes, "FRE", "Líquido de frenos DOT 4", "Líquido sintético, por litro.", "Bosch", "l", 8.5, "autopartes");

        String suspension = "Repuestos/Suspensión";
        for (String vehicle : VEHICLES) {
            add(suspension, "SUS", "Amortiguador delantero " + vehicle, "Amortiguador hidráulico de gas.", "Monroe",
                    "pcs", 58.0, "autopartes");
            add(suspension, "SUS", "Terminal de dirección " + vehicle, "Terminal exterior con tuerca.", "Moog", "pcs",
                    16.0, "autopartes");
            add(suspension, "SUS", "Rótula inferior " + vehicle, "Rótula de suspensión delantera.", "Moog", "pcs",
                    21.0, "autopartes");
        }
    }

    /** One item: SKU from its family, next barcode, cost a fixed margin under the sale price, stock bounds by unit. */
    private void add(String category, String family, String name, String description, String brand, String unit,
                     double salePrice, String... suppliers) {
        int n = skuCounters.merge(family, 1, Integer::sum);
        BigDecimal sale = BigDecimal.valueOf(salePrice).setScale(2, RoundingMode.HALF_UP);
        BigDecimal cost = sale.multiply(new BigDecimal("0.62")).setScale(2, RoundingMode.HALF_UP);
        boolean bulk = List.of("kg", "m", "l", "gal").contains(unit);
        BigDecimal[] bounds = stockBounds(unit, salePrice);
        boolean imported = family.equals("HEL") || family.equals("MOT") || family.equals("FRE") || family.equals("SUS");
        items.add(new Item("%s-%04d".formatted(family, n), ean13("770" + "%09d".formatted(barcodeSequence++)), name,
                description, brand, category, bulk ? "bulk_material" : "consumable", unit, cost, sale, bounds[0],
                bounds[1], imported ? 30 : 10, imported ? 5 : 2, List.of(suppliers)));
    }

    private static BigDecimal[] stockBounds(String unit, double price) {
        return switch (unit) {
            case "m" -> new BigDecimal[]{new BigDecimal("100.00"), new BigDecimal("1000.00")};
            case "kg" -> new BigDecimal[]{new BigDecimal("10.000"), new BigDecimal("100.000")};
            case "l" -> new BigDecimal[]{new BigDecimal("20.000"), new BigDecimal("200.000")};
            case "gal" -> new BigDecimal[]{new BigDecimal("5.000"), new BigDecimal("40.000")};
            default -> price >= 40 ? new BigDecimal[]{BigDecimal.valueOf(2), BigDecimal.valueOf(10)}
                    : price >= 5 ? new BigDecimal[]{BigDecimal.valueOf(5), BigDecimal.valueOf(40)}
                    : new BigDecimal[]{BigDecimal.valueOf(50), BigDecimal.valueOf(500)};
        };
    }

    /** The 12 digits given plus the EAN-13 check digit (weights 1 and 3 from the left). */
    static String ean13(String twelveDigits) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            int digit = twelveDigits.charAt(i) - '0';
            sum += i % 2 == 0 ? digit : digit * 3;
        }
        return twelveDigits + (10 - sum % 10) % 10;
    }
}
