package fr.usinesouvertes.platform.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this node is ready to serve: named checks (the repository, the search indexes, the cluster leases, the
 * modules' own), run together at each {@link #check()}, each within a time limit. A check that throws is down,
 * named by the exception's class only (a message may hold personal data); one that has not answered in time is
 * down too, and is not started again while it still runs, so a stuck check holds one thread, not one per probe.
 * A check turning down is logged at WARN, turning up again at INFO: one line per change, not per probe.
 */
public final class Readiness implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Readiness.class);
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{0,62}");

    /** The outcome of one check: up or down, and a short detail for people (no personal data, no stack trace). */
    public record Status(boolean up, String detail) {
        public Status {
            detail = detail == null ? "" : detail;
        }

        public static Status up(String detail) {
            return new Status(true, detail);
        }

        public static Status down(String detail) {
            return new Status(false, detail);
        }
    }

    /** One check's outcome in a {@link Report}. */
    public record CheckReport(String name, boolean up, String detail) {
    }

    /** Every check's outcome, in registration order; {@code up} when all are. */
    public record Report(boolean up, List<CheckReport> checks) {
    }

    private static final class Check {
        final Supplier<Status> probe;
        Future<Status> running; // guarded by this
        Boolean lastUp; // guarded by this

        Check(Supplier<Status> probe) {
            this.probe = probe;
        }
    }

    private final Duration timeout;
    private final Map<String, Check> checks = new LinkedHashMap<>();
    /**
     * Threads that never time out: a check may read the repository, whose read sessions are kept per thread, so a
     * thread must not be replaced by a new one at each probe. There are never more threads than checks running at
     * once, which is at most one per check.
     */
    private final ExecutorService executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, Long.MAX_VALUE,
            TimeUnit.NANOSECONDS, new SynchronousQueue<>(), runnable -> {
                Thread thread = new Thread(runnable, "readiness-check");
                thread.setDaemon(true);
                return thread;
            });

    /** Checks that must each answer within {@code timeout}. */
    public Readiness(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * Adds a check; {@code name} is lowercase letters, digits, dots and dashes (e.g. {@code events.mail-queue}),
     * used once.
     */
    public synchronized void register(String name, Supplier<Status> check) {
        Objects.requireNonNull(check, "check");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Health check name '" + name
                    + "' must be lowercase letters, digits, dots and dashes");
        }
        if (checks.putIfAbsent(name, new Check(check)) != null) {
            throw new IllegalArgumentException("Health check '" + name + "' is already registered");
        }
    }

    /** Runs every check at once and waits for all of them, each within the time limit. */
    public Report check() {
        Map<String, Check> all;
        synchronized (this) {
            all = new LinkedHashMap<>(checks);
        }
        Map<String, Future<Status>> started = new LinkedHashMap<>();
        all.forEach((name, check) -> started.put(name, start(check)));
        long deadline = System.nanoTime() + timeout.toNanos();
        List<CheckReport> reports = new ArrayList<>();
        boolean allUp = true;
        for (Map.Entry<String, Future<Status>> entry : started.entrySet()) {
            Status status = await(entry.getValue(), deadline);
            String name = entry.getKey();
            noteChange(name, all.get(name), status);
            reports.add(new CheckReport(name, status.up(), status.detail()));
            allUp &= status.up();
        }
        return new Report(allUp, List.copyOf(reports));
    }

    private Future<Status> start(Check check) {
        synchronized (check) {
            if (check.running == null || check.running.isDone()) {
                check.running = executor.submit(() -> run(check.probe));
            }
            return check.running;
        }
    }

    private static Status run(Supplier<Status> probe) {
        try {
            Status status = probe.get();
            return status != null ? status : Status.down("the check answered nothing");
        } catch (RuntimeException | Error e) {
            LOG.debug("A readiness check failed", e);
            return Status.down("the check failed: " + e.getClass().getSimpleName());
        }
    }

    private Status await(Future<Status> future, long deadline) {
        try {
            return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return Status.down("no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            return Status.down("the check failed: " + e.getCause().getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Status.down("interrupted");
        }
    }

    private static void noteChange(String name, Check check, Status status) {
        synchronized (check) {
            if (check.lastUp != null && check.lastUp == status.up()) {
                return;
            }
            boolean first = check.lastUp == null;
            check.lastUp = status.up();
            if (!status.up()) {
                LOG.warn("Readiness check '{}' is down: {}", name, status.detail());
            } else if (!first) {
                LOG.info("Readiness check '{}' is up again: {}", name, status.detail());
            }
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
