package fr.usinesouvertes.webapp.bench;

import fr.usinesouvertes.platform.testing.SharedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts an embedded PostgreSQL (zonky) for {@code bench/cluster-bench.sh}, writes the JDBC URL of a
 * fresh database to the file named by the first argument, and runs until killed.
 */
public final class BenchPostgres {

    private BenchPostgres() {
    }

    public static void main(String[] args) throws Exception {
        SharedPostgres postgres = SharedPostgres.start();
        Runtime.getRuntime().addShutdownHook(new Thread(postgres::close));
        Files.writeString(Path.of(args[0]), postgres.newDatabase());
        Thread.currentThread().join();
    }
}
