package fr.usinesouvertes.platform.rendering;

import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.SimpleDate;
import freemarker.template.TemplateDateModel;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import java.util.Calendar;

/**
 * FreeMarker's default wrapper, plus {@link Calendar} values as date-times (JCR dates are calendars), so
 * {@code ${content.date?date}} works as on Magnolia.
 */
final class ContentObjectWrapper extends DefaultObjectWrapper {

    ContentObjectWrapper() {
        super(Configuration.VERSION_2_3_34);
    }

    @Override
    public TemplateModel wrap(Object object) throws TemplateModelException {
        if (object instanceof Calendar calendar) {
            return new SimpleDate(calendar.getTime(), TemplateDateModel.DATETIME);
        }
        return super.wrap(object);
    }
}
