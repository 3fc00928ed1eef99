package fr.usinesouvertes.platform.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GroupFlusherTest {

    @Test
    void concurrentWritersShareFlushes() throws Exception {
        AtomicInteger flushes = new AtomicInteger();
        GroupFlusher flusher = new GroupFlusher(() -> {
            flushes.incrementAndGet();
            sleep(5); // a disk sync
        });
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                writers.add(pool.submit(() -> {
                    flusher.committed();
                    flusher.awaitDurable();
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(flushes.get()).isBetween(1, 100); // grouped: far fewer syncs than the 200 commits
    }

    @Test
    void aCommitMadeDuringAFlushWaitsForTheNextOne() throws Exception {
        CountDownLatch firstFlushStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstFlush = new CountDownLatch(1);
        AtomicInteger flushes = new AtomicInteger();
        GroupFlusher flusher = new GroupFlusher(() -> {
            if (flushes.incrementAndGet() == 1) {
                firstFlushStarted.countDown();
                await(releaseFirstFlush);
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            flusher.committed();
            Future<?> first = pool.submit(flusher::awaitDurable);
            assertThat(firstFlushStarted.await(10, TimeUnit.SECONDS)).isTrue();

            flusher.committed(); // lands while the first flush is on its way to disk
            Future<?> second = pool.submit(flusher::awaitDurable);
            releaseFirstFlush.countDown();

            first.get(10, TimeUnit.SECONDS);
            second.get(10, TimeUnit.SECONDS);
            assertThat(flushes.get()).isEqualTo(2); // the first flush did not cover the second commit
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void nothingToFlushReturnsAtOnce() {
        AtomicInteger flushes = new AtomicInteger();
        GroupFlusher flusher = new GroupFlusher(flushes::incrementAndGet);
        flusher.awaitDurable();
        flusher.committed();
        flusher.awaitDurable();
        flusher.awaitDurable();
        assertThat(flushes.get()).isEqualTo(1);
    }

    /** Stands for the time a real disk sync takes: no condition to wait for, only time to pass. */
    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
