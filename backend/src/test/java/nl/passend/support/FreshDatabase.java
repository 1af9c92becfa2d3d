package nl.passend.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * An end-to-end test class that starts from a database of its own: rebuilt before its first test, in the one shared
 * context, instead of a context (and database) per class. For tests whose figures count every row, such as the
 * reports, and for those that need the demo set as it ships.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(FreshDatabase.Rebuild.class)
public @interface FreshDatabase {

    /** Whether the Oost-Nederland demo set is loaded too (Liquibase context {@code demo}). */
    boolean demo() default false;

    /** Rebuilds the database before the class's first test. */
    class Rebuild implements BeforeAllCallback {

        @Override
        public void beforeAll(ExtensionContext context) {
            boolean demo = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), FreshDatabase.class)
                    .map(FreshDatabase::demo).orElse(false);
            SpringExtension.getApplicationContext(context).getBean(Database.class).rebuild(demo);
        }
    }
}
