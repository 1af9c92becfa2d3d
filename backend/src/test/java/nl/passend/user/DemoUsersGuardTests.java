package nl.passend.user;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import org.junit.jupiter.api.Test;

class DemoUsersGuardTests {

    private final UserAccountRepository users = mock(UserAccountRepository.class);

    @Test
    void refusesToStartWhereDemoUsersAreNotAllowedButExist() {
        given(users.existsByDemoTrue()).willReturn(true);
        assertThatThrownBy(() -> new DemoUsersGuard(users, false).afterPropertiesSet())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Demo users");
    }

    @Test
    void startsWithoutDemoUsersOrWhereTheyAreAllowed() {
        given(users.existsByDemoTrue()).willReturn(false);
        assertThatCode(() -> new DemoUsersGuard(users, false).afterPropertiesSet()).doesNotThrowAnyException();
        given(users.existsByDemoTrue()).willReturn(true);
        assertThatCode(() -> new DemoUsersGuard(users, true).afterPropertiesSet()).doesNotThrowAnyException();
    }
}
