package fr.usinesouvertes.platform.command;

import fr.usinesouvertes.platform.security.Account;
import fr.usinesouvertes.platform.security.AccountException;
import fr.usinesouvertes.platform.security.Accounts;
import fr.usinesouvertes.platform.security.FirstAdministrator;
import fr.usinesouvertes.platform.PlatformLauncher;
import fr.usinesouvertes.platform.config.CoreSettings;
import fr.usinesouvertes.platform.config.Settings;
import fr.usinesouvertes.platform.config.SettingsException;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.RepositoryLockedException;
import fr.usinesouvertes.platform.repository.StoreBackends;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The one-time set-up command creating an administrator on the repository of a stopped platform (or,
 * with the document store, next to running nodes):
 * <pre>
 * java -jar usines-ouvertes.jar accounts create-admin --login &lt;e-mail&gt; --password-file &lt;file&gt; [--data DIR] [--config FILE]
 * </pre>
 * Exit status: 0 created, 1 refused (account exists, password too short...), 2 bad arguments, 3 data folder in use.
 */
public final class AccountsCommand {

    private final PrintStream out;
    private final PrintStream err;

    public AccountsCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Whether the first command-line argument is {@code accounts}. */
    public static boolean handles(String[] args) {
        return args.length > 0 && args[0].equals("accounts");
    }

    public static String usage() {
        return """
                  java -jar usines-ouvertes.jar accounts create-admin --login <e-mail> --password-file <file> [--data DIR] [--config FILE]
                Creates a back-office administrator; the file holds the password (12 characters or more).
                """;
    }

    public int run(String[] args) {
        if (List.of(args).contains("--help")) {
            out.print(usage());
            return 0;
        }
        if (args.length < 2 || !args[1].equals("create-admin")) {
            return usageError("the only accounts command is 'create-admin'");
        }
        String login = null;
        Path passwordFile = null;
        List<String> settingArgs = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                return usageError("'" + option + "' needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--login" -> login = value;
                case "--password-file" -> passwordFile = Path.of(value);
                case "--data", "--config" -> {
                    settingArgs.add(option);
                    settingArgs.add(value);
                }
                default -> {
                    return usageError("unknown option '" + option + "'");
                }
            }
        }
        if (login == null || passwordFile == null) {
            return usageError("--login and --password-file are required");
        }
        try {
            char[] password = FirstAdministrator.readPassword(passwordFile);
            Settings settings = PlatformLauncher.settingsLoader(PlatformLauncher.discoverModules())
                    .load(settingArgs.toArray(String[]::new));
            try (ContentRepository repository = ContentRepository.open(StoreBackends.fromSettings(settings))) {
                Accounts accounts = new Accounts(repository, Clock.systemDefaultZone());
                Account created = FirstAdministrator.create(accounts, login, password);
                out.println("Administrator " + created.login() + " created in " + settings.get(CoreSettings.DATA));
                return 0;
            }
        } catch (AccountException e) {
            err.println("Refused (" + e.field() + "): " + e.getMessage());
            return 1;
        } catch (SettingsException e) {
            err.println(e.getMessage());
            return 2;
        } catch (RepositoryLockedException e) {
            err.println(e.getMessage() + " (stop the platform, or use admin-login and admin-password-file)");
            return 3;
        }
    }

    private int usageError(String message) {
        err.println("accounts: " + message);
        err.print(usage());
        return 2;
    }
}
