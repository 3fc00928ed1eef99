package fr.usinesouvertes.platform.admin.authoring.tasks;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long operations of the back office (re-indexing, imports) run one at a time on a background thread,
 * each with a progress the progress page reads: steps done of a total, the current step, and the
 * outcome. Kept in memory on the node that runs them; the last 50 are listed.
 */
public final class BackgroundTasks implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundTasks.class);
    private static final int KEPT = 50;

    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "back-office-tasks");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Task> tasks = new ConcurrentHashMap<>();
    private final Clock clock;

    public BackgroundTasks(Clock clock) {
        this.clock = clock;
    }

    /** What a task's work reports its progress to. */
    public interface Progress {
        void total(int steps);

        void step(String description);
    }

    /** The work of a task. */
    public interface Work {
        /** Does the work; returns the message shown when it ends. */
        String run(Progress progress) throws Exception;
    }

    /** A task and where it stands; {@code state} is {@code queued}, {@code running}, {@code done} or {@code failed}. */
    public static final class Task implements Progress {
        private final String id;
        private final String label;
        private final String by;
        private final Instant created;
        private volatile String state = "queued";
        private volatile int total = 1;
        private volatile int done;
        private volatile String current = "";
        private volatile String message = "";
        private final List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();

        Task(String id, String label, String by, Instant created) {
            this.id = id;
            this.label = label;
            this.by = by;
            this.created = created;
        }

        @Override
        public void total(int steps) {
            this.total = Math.max(1, steps);
        }

        @Override
        public void step(String description) {
            if (!current.isEmpty()) {
                done = Math.min(total, done + 1);
            }
            current = description;
            log.add(description);
        }

        public Map<String, Object> view() {
            int percent = "done".equals(state) ? 100 : Math.min(99, done * 100 / total);
            Map<String, Object> view = new java.util.LinkedHashMap<>();
            view.put("id", id);
            view.put("label", label);
            view.put("by", by);
            view.put("state", state);
            view.put("percent", percent);
            view.put("done", done);
            view.put("total", total);
            view.put("current", current);
            view.put("message", message);
            view.put("log", List.copyOf(log));
            view.put("created", created.toString());
            return view;
        }

        public String state() {
            return state;
        }
    }

    /** Queues work; returns its id at once. */
    public String submit(String label, String by, Work work) {
        String id = UUID.randomUUID().toString();
        Task task = new Task(id, label, by, clock.instant());
        tasks.put(id, task);
        forgetOld();
        executor.submit(() -> {
            task.state = "running";
            try {
                task.message = work.run(task);
                task.done = task.total;
                task.state = "done";
            } catch (Exception | Error e) {
                LOG.warn("Back-office task '{}' failed", label, e);
                task.message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                task.state = "failed";
            }
        });
        return id;
    }

    public Task task(String id) {
        return id == null ? null : tasks.get(id);
    }

    /** The tasks, newest first. */
    public List<Task> all() {
        List<Task> list = new ArrayList<>(tasks.values());
        list.sort(Comparator.comparing((Task t) -> t.created).reversed());
        return list;
    }

    private void forgetOld() {
        List<Task> list = all();
        for (int i = KEPT; i < list.size(); i++) {
            if (!"running".equals(list.get(i).state) && !"queued".equals(list.get(i).state)) {
                tasks.remove(list.get(i).id);
            }
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
