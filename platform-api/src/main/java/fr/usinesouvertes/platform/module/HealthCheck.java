package fr.usinesouvertes.platform.module;

/**
 * One of a module's readiness checks ({@link ModuleContext.Health#register}): {@code GET /.health/ready} runs it with
 * the platform's own and answers 503 while any is down. It should be quick (a few milliseconds: it runs at every
 * probe, within a time limit of a few seconds) and its detail short, for people: no personal data, no stack trace.
 * A check that throws is down.
 */
@FunctionalInterface
public interface HealthCheck {

    Result check();

    /** Up or down, with a short detail such as {@code "12 e-mails queued"}. */
    record Result(boolean up, String detail) {

        public static Result up(String detail) {
            return new Result(true, detail);
        }

        public static Result down(String detail) {
            return new Result(false, detail);
        }
    }
}
