package fr.usinesouvertes.events.organiser;

import fr.usinesouvertes.events.mail.MailQueue;
import fr.usinesouvertes.events.mail.QueuedMail;
import fr.usinesouvertes.platform.module.CommandContext;
import fr.usinesouvertes.platform.module.ModuleCommand;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code mail-queue list|retry}: shows the registration e-mails (and cancellation alerts) waiting or given up (by
 * registration id, or cancelled sheet or slot id, with the last error), and puts the given-up ones back in the queue
 * once the cause is fixed.
 */
@Command(name = "mail-queue", description = "The registration e-mails (and cancellation alerts) the platform sends.",
        subcommands = {MailQueueCommand.ListMails.class, MailQueueCommand.Retry.class})
public final class MailQueueCommand {

    @Command(name = "list", description = "Lists the e-mails waiting to be sent and those given up after their last "
            + "attempt.")
    static final class ListMails implements ModuleCommand {

        @Override
        public int run(CommandContext context) {
            MailQueue queue = new MailQueue(context.repository(), Clock.systemUTC());
            List<QueuedMail> pending = queue.pending();
            List<QueuedMail> failed = queue.failed();
            context.out().println(pending.size() + " waiting, " + failed.size() + " given up");
            for (QueuedMail mail : pending) {
                context.out().println("waiting  " + line(mail) + " next attempt " + Instant.ofEpochMilli(mail.dueMillis()));
            }
            for (QueuedMail mail : failed) {
                context.out().println("given up " + line(mail));
            }
            return 0;
        }

        private static String line(QueuedMail mail) {
            return mail.kind() + " " + mail.about() + ", " + mail.attempts() + " attempt(s)"
                    + (mail.lastError() == null ? "" : ", last error: " + mail.lastError());
        }
    }

    @Command(name = "retry", description = "Queues the given-up e-mails again (attempts reset); the running platform "
            + "sends them.")
    static final class Retry implements ModuleCommand {

        @Override
        public int run(CommandContext context) {
            context.out().println(new MailQueue(context.repository(), Clock.systemUTC()).retryFailed()
                    + " given-up e-mail(s) queued again");
            return 0;
        }
    }
}
