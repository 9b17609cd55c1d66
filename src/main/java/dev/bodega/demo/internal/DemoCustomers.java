package dev.bodega.demo.internal;

import dev.bodega.sales.SalesDesk;

import java.util.List;

/** The demo company's customers: people and companies around Bogotá, a few of them wholesale accounts. */
final class DemoCustomers {

    static final List<SalesDesk.NewCustomer> ALL = List.of(
            new SalesDesk.NewCustomer("CC", "79845123", "Carlos", "Ramírez", "carlos.ramirez@correo.example", "+57 300 100 1000",
                    "Calle 45 # 13-22", "Bogotá", "CO", null),
            new SalesDesk.NewCustomer("CC", "52987456", "Luz Marina", "Gómez", "luz.gomez@correo.example", "+57 377 113 1271",
                    "Carrera 68 # 24-10", "Bogotá", "CO", null),
            new SalesDesk.NewCustomer("NIT", "900456789-1", "Constructora Andes S.A.S.", null, "compras@constructoraandes.example", "+57 344 126 1542",
                    "Avenida Boyacá # 72-15", "Bogotá", "CO", "Cliente mayorista: paga a 30 días"),
            new SalesDesk.NewCustomer("CC", "1020745896", "Andrés Felipe", "Torres", "andres.torres@correo.example", "+57 311 139 1813",
                    "Calle 12 # 5-40", "Chía", "CO", null),
            new SalesDesk.NewCustomer("CC", "39654123", "María Fernanda", "López", "maria.lopez@correo.example", "+57 388 152 2084",
                    "Carrera 15 # 93-60", "Bogotá", "CO", null),
            new SalesDesk.NewCustomer("NIT", "830123456-7", "Ferreléctricos del Norte Ltda.", null, "compras@ferrelectricosdel.example", "+57 355 165 2355",
                    "Autopista Norte # 145-30", "Bogotá", "CO", "Cliente mayorista: paga a 30 días"),
            new SalesDesk.NewCustomer("CC", "80123987", "Jorge Enrique", "Martínez", "jorge.martinez@correo.example", "+57 322 178 2626",
                    "Calle 30 # 8-12", "Soacha", "CO", null),
            new SalesDesk.NewCustomer("CE", "654321", "Daniela", "Rojas", "daniela.rojas@correo.example", "+57 399 191 2897",
                    "Carrera 7 # 60-18", "Bogotá", "CO", null),
            new SalesDesk.NewCustomer("CC", "1015432876", "Juan Sebastián", "Vargas", "juan.vargas@correo.example", "+57 366 204 3168",
                    "Calle 80 # 69-45", "Bogotá", "CO", null),
            new SalesDesk.NewCustomer("CC", "51876234", "Gloria Patricia", "Hernández", "gloria.hernandez@correo.example", "+57 333 217 3439",
                    "Carrera 9 # 15-07", "Funza", "CO", null),
            new SalesDesk.NewCustomer("NIT", "901234567-3", "Mantenimientos Integrales S.A.S.", null, "compras@mantenimientosintegrales.example", "+57 300 230 3710",
                    "Calle 26 # 92-32", "Bogotá", "CO", "Cliente mayorista: paga a 30 días"),
            new SalesDesk.NewCustomer("CC", "79567432", "Luis Alberto", "Castro", "luis.castro@correo.example", "+57 377 243 3981",
                    "Transversal 60 # 115-20", "Bogotá", "CO", null),
            new SalesDesk.NewCustomer("CC", "1032456789", "Valentina", "Moreno", "valentina.moreno@correo.example", "+57 344 256 4252",
                    "Calle 3 Sur # 6-25", "Cajicá", "CO", null),
            new SalesDesk.NewCustomer("CC", "19456782", "Hernando", "Suárez", "hernando.suarez@correo.example", "+57 311 269 4523",
                    "Carrera 50 # 1-40", "Bogotá", "CO", null),
            new SalesDesk.NewCustomer("NIT", "800987654-2", "Talleres Unidos S.A.", null, "compras@talleresunidos.example", "+57 388 282 4794",
                    "Carrera 3 # 12-80", "Mosquera", "CO", "Cliente mayorista: paga a 30 días"),
            new SalesDesk.NewCustomer("CC", "52345678", "Claudia Milena", "Ortiz", "claudia.ortiz@correo.example", "+57 355 295 5065",
                    "Calle 170 # 54-11", "Bogotá", "CO", null),
            new SalesDesk.NewCustomer("CC", "1019087654", "Camilo Andrés", "Jiménez", "camilo.jimenez@correo.example", "+57 322 308 5336",
                    "Carrera 24 # 63-09", "Bogotá", "CO", null),
            new SalesDesk.NewCustomer("CC", "41765432", "Rosa Elena", "Díaz", "rosa.diaz@correo.example", "+57 399 321 5607",
                    "Calle 5 # 10-33", "Zipaquirá", "CO", null),
            new SalesDesk.NewCustomer("CC", "80765123", "Óscar Iván", "Pardo", "oscar.pardo@correo.example", "+57 366 334 5878",
                    "Avenida Suba # 104-65", "Bogotá", "CO", null),
            new SalesDesk.NewCustomer("CE", "987123", "Martín", "Álvarez", "martin.alvarez@correo.example", "+57 333 347 6149",
                    "Calle 116 # 19-28", "Bogotá", "CO", null),
            new SalesDesk.NewCustomer("CC", "1024567321", "Natalia", "Cárdenas", "natalia.cardenas@correo.example", "+57 300 360 6420",
                    "Carrera 11 # 82-71", "Bogotá", "CO", null),
            new SalesDesk.NewCustomer("NIT", "900765432-5", "Obras y Acabados J&R S.A.S.", null, "compras@obrasy.example", "+57 377 373 6691",
                    "Calle 13 # 37-50", "Bogotá", "CO", "Cliente mayorista: paga a 30 días"),
            new SalesDesk.NewCustomer("CC", "79234567", "Fabio Nelson", "Rincón", "fabio.rincon@correo.example", "+57 344 386 6962",
                    "Carrera 2 # 7-19", "Facatativá", "CO", null),
            new SalesDesk.NewCustomer("CC", "53123789", "Sandra Liliana", "Peña", "sandra.pena@correo.example", "+57 311 399 7233",
                    "Calle 53 # 27-14", "Bogotá", "CO", null),
            new SalesDesk.NewCustomer("CC", "1016789012", "Diego Alejandro", "Salazar", "diego.salazar@correo.example", "+57 388 412 7504",
                    "Carrera 30 # 45-03", "Bogotá", "CO", null));

    private DemoCustomers() {
    }
}
