package fr.usinesouvertes.platform.rendering;

import fr.usinesouvertes.platform.definition.MessageCatalog;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateSequenceModel;
import freemarker.template.utility.DeepUnwrap;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * {@code i18n}: the light modules' messages in the request language, {@code i18n['key']} or
 * {@code i18n.get('key', arg...)} (arguments fill {@code {0}}, {@code {1}}... as in Java's MessageFormat).
 * A missing key shows as itself, as on Magnolia.
 */
final class I18nModel implements TemplateHashModel {

    private final MessageCatalog messages;
    private final String language;
    private final Locale locale;

    I18nModel(MessageCatalog messages, String language, Locale locale) {
        this.messages = messages;
        this.language = language;
        this.locale = locale;
    }

    @Override
    public TemplateModel get(String key) {
        if ("get".equals(key) && messages.lookup(language, key) == null) {
            return (TemplateMethodModelEx) this::format;
        }
        return new SimpleScalar(messages.message(language, key));
    }

    private Object format(List<?> arguments) throws TemplateModelException {
        if (arguments.isEmpty()) {
            throw new TemplateModelException("i18n.get needs a key");
        }
        String key = String.valueOf(DeepUnwrap.unwrap((TemplateModel) arguments.get(0)));
        List<Object> values = new ArrayList<>();
        for (Object argument : arguments.subList(1, arguments.size())) {
            TemplateModel model = (TemplateModel) argument;
            Object value = DeepUnwrap.unwrap(model);
            if (model instanceof TemplateSequenceModel && value instanceof Collection<?> collection) {
                values.addAll(collection);
            } else {
                values.add(value);
            }
        }
        String pattern = messages.message(language, key);
        return values.isEmpty() ? pattern : new MessageFormat(pattern, locale).format(values.toArray());
    }

    @Override
    public boolean isEmpty() {
        return false;
    }
}
