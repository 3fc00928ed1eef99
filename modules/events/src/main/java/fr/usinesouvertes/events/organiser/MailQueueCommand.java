package fr.usinesouvertes.events.organiser;

import fr.usinesouvertes.events.mail.MailQueue;
import fr.usinesouvertes.events.mail.QueuedMail;
import fr.usinesouvertes.platform.module.CommandContext;
import fr.usinesouvertes.platform.module.ModuleCommand;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * {@code mail-queue list|retry}: shows the registration e-mails (and cancellation alerts) waiting or given up (by
 * registration id, or cancelled sheet or slot id, with the last error), and puts the given-up ones back in the queue
 * once the cause is fixed.
 */
public final class MailQueueCommand implements ModuleCommand {

    @Override
    public String name() {
        return "mail-queue";
    }

    @Override
    public String usage() {
        return """
                  java -jar usines-ouvertes.jar mail-queue list|retry [--data DIR]
                Lists the registration e-mails (and cancellation alerts) waiting to be sent and those given up
                after their last attempt;
                'retry' queues the given-up ones again (attempts reset), sent by the running platform.
                """;
    }

    @Override
    public int run(List<String> arguments, CommandContext context) {
        if (arguments.size() != 1 || !(arguments.get(0).equals("list") || arguments.get(0).equals("retry"))) {
            context.err().println("mail-queue: expected 'list' or 'retry'");
            return 2;
        }
        MailQueue queue = new MailQueue(context.repository(), Clock.systemUTC());
        if (arguments.get(0).equals("retry")) {
            context.out().println(queue.retryFailed() + " given-up e-mail(s) queued again");
            return 0;
        }
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
