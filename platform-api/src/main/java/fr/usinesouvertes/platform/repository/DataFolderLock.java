package fr.usinesouvertes.platform.repository;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive, non-blocking lock on a data folder, taken before Oak opens it: Oak's own lock waits
 * forever, so a second process would hang instead of saying what is wrong.
 */
public final class DataFolderLock implements AutoCloseable {

    private static final String LOCK_FILE = "platform.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataFolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static DataFolderLock acquire(Path dataFolder) {
        Path lockFile = dataFolder.resolve(LOCK_FILE);
        FileChannel channel = null;
        try {
            Files.createDirectories(dataFolder);
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this very JVM, e.g. a second platform in the same test
            }
            if (lock == null) {
                String holder = readHolder(lockFile);
                channel.close();
                throw new RepositoryLockedException("Data folder '" + dataFolder.toAbsolutePath()
                        + "' is already in use by another platform process" + holder
                        + ". Stop it, or start this one with another --data folder.");
            }
            channel.truncate(0);
            channel.write(StandardCharsets.UTF_8.encode("pid " + ProcessHandle.current().pid() + "\n"));
            channel.force(false);
            return new DataFolderLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new RepositoryLockedException("Cannot lock data folder '" + dataFolder.toAbsolutePath()
                    + "': " + e.getMessage());
        }
    }

    private static String readHolder(Path lockFile) {
        try {
            String content = Files.readString(lockFile, StandardCharsets.UTF_8).trim();
            return content.isEmpty() ? "" : " (" + content + ")";
        } catch (IOException e) {
            return "";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to release
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // the channel close below releases it too
        }
        closeQuietly(channel);
    }
}
