package fr.usinesouvertes.platform.command;

import fr.usinesouvertes.platform.config.CoreSettings;
import fr.usinesouvertes.platform.module.CommandContext;
import fr.usinesouvertes.platform.module.ModuleCommand;
import fr.usinesouvertes.platform.security.Account;
import fr.usinesouvertes.platform.security.AccountException;
import fr.usinesouvertes.platform.security.Accounts;
import fr.usinesouvertes.platform.security.FirstAdministrator;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code accounts create-admin}: the one-time set-up command creating a back-office administrator. */
@Command(name = "accounts", description = "Back-office accounts.", subcommands = AccountsCommand.CreateAdmin.class)
final class AccountsCommand {

    /**
     * Creates an administrator on the repository of a stopped platform (or, with the document store, next to running
     * nodes). Exit status: 0 created, 1 refused (account exists, password too short...).
     */
    @Command(name = "create-admin", description = {"Creates a back-office administrator on a stopped platform's data "
            + "folder; the file holds the password (12 characters or more)."})
    static final class CreateAdmin implements ModuleCommand, DataFolderInUseHint {

        @Option(names = "--login", required = true, paramLabel = "E-MAIL", description = "The administrator's e-mail")
        String login;

        @Option(names = "--password-file", required = true, paramLabel = "FILE", description = "File holding the password")
        Path passwordFile;

        @Override
        public int run(CommandContext context) {
            char[] password = FirstAdministrator.readPassword(passwordFile);
            try {
                Account created = FirstAdministrator.create(new Accounts(context.repository(), context.clock()), login,
                        password);
                context.out().println("Administrator " + created.login() + " created in "
                        + context.settings().get(CoreSettings.DATA));
                return PlatformCommandLine.DONE;
            } catch (AccountException e) {
                context.err().println("Refused (" + e.field() + "): " + e.getMessage());
                return PlatformCommandLine.FAILED;
            }
        }

        @Override
        public String whenDataFolderInUse() {
            return "stop the platform, or start it with --admin-login and --admin-password-file";
        }
    }
}
