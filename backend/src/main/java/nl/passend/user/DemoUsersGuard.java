package nl.passend.user;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Refuses to start where demo users are not allowed (production) while any demo user exists: their passwords are
 * published in the README.
 */
@Component
class DemoUsersGuard implements InitializingBean {

    private final UserAccountRepository users;
    private final boolean allowed;

    DemoUsersGuard(UserAccountRepository users, @Value("${passend.security.demo-users-allowed:false}") boolean allowed) {
        this.users = users;
        this.allowed = allowed;
    }

    @Override
    public void afterPropertiesSet() {
        if (!allowed && users.existsByDemoTrue()) {
            throw new IllegalStateException("Demo users with published passwords exist in this database, and this "
                    + "environment does not allow them (passend.security.demo-users-allowed=false). Remove them "
                    + "(user_account.demo = true) or never load the Liquibase context 'demo' here.");
        }
    }
}
