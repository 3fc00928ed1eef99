package fr.usinesouvertes.platform.maintenance;

import fr.usinesouvertes.platform.repository.SegmentStoreBackend;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running platform's local administration channel: a Unix domain socket, {@code DATA/control/platform.sock}, in a
 * folder only the platform's system user may enter, so whoever may connect may already read the data folder. The
 * running platform holds the data folder's lock and Oak's store, so a command that must read a consistent store
 * (the {@code backup} command) asks the platform through it rather than opening the files itself.
 *
 * <p>Protocol, one request per connection: the client sends one line, {@code backup <absolute target folder>}; the
 * platform answers with progress lines, then {@code OK <summary>} or {@code FAILED <reason>}.
 */
public final class ControlChannel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ControlChannel.class);
    public static final String OK = "OK ";
    public static final String FAILED = "FAILED ";

    private final Path socket;
    private final ServerSocketChannel server;
    private final SegmentStoreBackend store;
    private final Path dataFolder;
    private final Thread acceptor;

    private ControlChannel(Path dataFolder, SegmentStoreBackend store, ServerSocketChannel server, Path socket) {
        this.dataFolder = dataFolder;
        this.store = store;
        this.server = server;
        this.socket = socket;
        this.acceptor = new Thread(this::accept, "control-channel");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The socket of the platform running on {@code dataFolder}. */
    public static Path socket(Path dataFolder) {
        return dataFolder.resolve("control").resolve("platform.sock");
    }

    /**
     * Opens the channel of the platform holding {@code dataFolder}'s lock; empty (logged) when the system refuses it,
     * e.g. a socket path longer than Unix allows (about 100 bytes): the backup command then needs the platform stopped.
     */
    public static Optional<ControlChannel> open(Path dataFolder, SegmentStoreBackend store) {
        Path socket = socket(dataFolder).toAbsolutePath();
        try {
            Path folder = socket.getParent();
            Files.createDirectories(folder);
            if (folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            }
            Files.deleteIfExists(socket); // left by a process that was killed: this one holds the data folder's lock
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            return Optional.of(new ControlChannel(dataFolder, store, server, socket));
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("No local control channel at {} ({}): 'backup' needs this platform stopped", socket, e.getMessage());
            return Optional.empty();
        }
    }

    private void accept() {
        while (server.isOpen()) {
            try (SocketChannel client = server.accept()) {
                serve(client);
            } catch (IOException e) {
                if (server.isOpen()) {
                    LOG.warn("Control channel: {}", e.getMessage());
                }
            }
        }
    }

    private void serve(SocketChannel client) throws IOException {
        BufferedReader in = new BufferedReader(Channels.newReader(client, StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(Channels.newWriter(client, StandardCharsets.UTF_8), true);
        String request = in.readLine();
        if (request == null || !request.startsWith("backup ")) {
            out.println(FAILED + "unknown request; expected: backup <absolute target folder>");
            return;
        }
        Path target = Path.of(request.substring("backup ".length()));
        if (!target.isAbsolute()) {
            out.println(FAILED + "the target folder must be an absolute path");
            return;
        }
        try {
            LOG.info("Backup to {} asked for through the control channel", target);
            Backups.Report report = Backups.backup(store, dataFolder, target, out::println);
            LOG.info("{}", report.summary());
            out.println(OK + report.summary());
        } catch (RuntimeException e) {
            LOG.error("Backup to {} failed", target, e);
            out.println(FAILED + e.getMessage());
        }
    }

    /**
     * Asks the platform running on {@code dataFolder} to back up into {@code target}, passing its progress lines on;
     * returns its last line ({@code OK ...} or {@code FAILED ...}). Throws {@link IOException} when no platform
     * answers on the socket.
     */
    public static String requestBackup(Path dataFolder, Path target, java.util.function.Consumer<String> progress)
            throws IOException {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket(dataFolder).toAbsolutePath()))) {
            PrintWriter out = new PrintWriter(Channels.newWriter(channel, StandardCharsets.UTF_8), true);
            BufferedReader in = new BufferedReader(Channels.newReader(channel, StandardCharsets.UTF_8));
            out.println("backup " + target.toAbsolutePath());
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith(OK) || line.startsWith(FAILED)) {
                    return line;
                }
                progress.accept(line);
            }
            return FAILED + "the platform closed the channel without an answer";
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            acceptor.join(10_000);
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            LOG.warn("Closing the control channel: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
