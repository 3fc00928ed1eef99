package fr.usinesouvertes.platform.rendering;

import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.SimpleDate;
import freemarker.template.TemplateDateModel;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import java.beans.IntrospectionException;
import java.beans.PropertyDescriptor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Calendar;

/**
 * FreeMarker's default wrapper, plus {@link Calendar} values as date-times (JCR dates are calendars), so
 * {@code ${content.date?date}} works as on Magnolia; and every record component readable under its own name.
 */
final class ContentObjectWrapper extends DefaultObjectWrapper {

    ContentObjectWrapper() {
        super(Configuration.VERSION_2_3_34);
        // Since 2.3.33 a record component reads as a property (${slot.start} calls start()), except one named like a
        // JavaBeans getter: isFull() becomes the property "full", and ${slot.isFull} a method, which [#if] refuses.
        // Java modules give templates records whose component names are the names templates read, so each component
        // is also a property under its own name.
        setMethodAppearanceFineTuner((in, out) -> {
            if (out.getExposeAsProperty() == null && isRecordComponent(in.getContainingClass(), in.getMethod())) {
                try {
                    out.setExposeAsProperty(new PropertyDescriptor(in.getMethod().getName(), in.getMethod(), null));
                } catch (IntrospectionException e) {
                    throw new IllegalStateException(e);
                }
                out.setMethodInsteadOfPropertyValueBeforeCall(true);
            }
        });
    }

    private static boolean isRecordComponent(Class<?> type, Method method) {
        if (!type.isRecord() || method.getParameterCount() != 0) {
            return false;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getAccessor().equals(method)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public TemplateModel wrap(Object object) throws TemplateModelException {
        if (object instanceof Calendar calendar) {
            return new SimpleDate(calendar.getTime(), TemplateDateModel.DATETIME);
        }
        return super.wrap(object);
    }
}
