package nl.passend.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * An end-to-end test class that needs the demo set's rows (its users, organisations, open referrals) but not as they
 * ship: the shared database is rebuilt with them only if it does not hold them already. A class that counts them,
 * needs them untouched or solves over every region (where other classes' crafted rows, such as a placement pinned
 * over its contract's budget, would count) uses {@code @FreshDatabase(demo = true)} instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(DemoData.Load.class)
public @interface DemoData {

    /** Loads the demo set before the class's first test, unless it is there. */
    class Load implements BeforeAllCallback {

        @Override
        public void beforeAll(ExtensionContext context) {
            SpringExtension.getApplicationContext(context).getBean(Database.class).loadDemoUnlessLoaded();
        }
    }
}
