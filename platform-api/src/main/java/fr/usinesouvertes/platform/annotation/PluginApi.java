package fr.usinesouvertes.platform.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a platform class outside this package as part of the plugin API: a Java module may use it (and its
 * nested types). Everything in {@code fr.usinesouvertes.platform.module} (not {@code module.runtime}) is plugin
 * API; every other platform class is internal and may change without notice. The events module's
 * {@code ArchitectureTest} fails the build when a module class uses an internal one.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface PluginApi {
}
