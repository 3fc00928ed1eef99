package fr.usinesouvertes.events.i18n;

import java.util.List;

/**
 * A key of a message bundle with its arguments, resolved in the reader's language when shown. An argument that is
 * itself a {@link Text} (an audience's label, a date) is written in the same language.
 */
public record Message(String bundle, String key, List<Object> args) implements Text {

    public Message {
        args = List.copyOf(args);
    }

    public static Message of(String bundle, String key, Object... args) {
        return new Message(bundle, key, List.of(args));
    }

    @Override
    public String in(Lang lang) {
        return Messages.of(bundle, lang).format(key, args.toArray());
    }
}
