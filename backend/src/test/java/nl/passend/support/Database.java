package nl.passend.support;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SystemClock;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import liquibase.integration.spring.SpringLiquibase;

/**
 * Builds the shared test database again from nothing, through the same Liquibase changelog as at start: reference
 * data always, the Oost-Nederland demo set when asked. Costs a second or two where a context of its own costs many;
 * the tests that count rows of the whole database or need the demo set untouched start from here.
 */
@TestComponent
public class Database {

    /** The lock that end-to-end test classes hold while they run, so that no two use the database at once. */
    public static final String LOCK = "nl.passend.support.Database";

    private final DataSource dataSource;
    private final ResourceLoader resources;
    private final Environment environment;
    private final Actors actors;
    private final Scheduler scheduler;
    private final List<RecurringTask<?>> recurringTasks;
    /** Whether the demo set is in the database, as rebuilt or with rows that tests added since. */
    private boolean demoLoaded;

    Database(DataSource dataSource, ResourceLoader resources, Environment environment, Actors actors,
            Scheduler scheduler, List<RecurringTask<?>> recurringTasks) {
        this.dataSource = dataSource;
        this.resources = resources;
        this.environment = environment;
        this.actors = actors;
        this.scheduler = scheduler;
        this.recurringTasks = recurringTasks;
    }

    /** Drops every table and runs the changelog again, with the demo rows or without. */
    public synchronized void rebuild(boolean demo) {
        dropEveryTable();
        SpringLiquibase liquibase = new SpringLiquibase();
        liquibase.setDataSource(dataSource);
        liquibase.setResourceLoader(resources);
        liquibase.setChangeLog(environment.getRequiredProperty("spring.liquibase.change-log"));
        liquibase.setContexts(demo ? "demo" : "test");
        try {
            liquibase.afterPropertiesSet();
        } catch (Exception e) {
            throw new IllegalStateException("Could not rebuild the test database", e);
        }
        // What db-scheduler does at start: the recurring tasks' executions, which went with the old rows.
        recurringTasks.forEach(task -> task.onStartup(scheduler, new SystemClock()));
        demoLoaded = demo;
        // The organisations the actors belong to went with the old rows.
        actors.forget();
    }

    /** Rebuilds with the demo set unless it is there already, for tests that need its rows but not untouched. */
    public synchronized void loadDemoUnlessLoaded() {
        if (!demoLoaded) {
            rebuild(true);
        }
    }

    /**
     * One statement on H2; on MySQL and MariaDB each table and view, with foreign key checks off on one connection.
     * Much quicker than Liquibase's own drop, which inspects the schema first.
     */
    private void dropEveryTable() {
        new JdbcTemplate(dataSource).execute((ConnectionCallback<Void>) connection -> {
            try (Statement statement = connection.createStatement()) {
                if (connection.getMetaData().getDatabaseProductName().equals("H2")) {
                    statement.execute("drop all objects");
                    return null;
                }
                // A view (contract_party) is dropped as a view: "drop table" refuses it.
                List<String> drops = new ArrayList<>();
                try (ResultSet names = statement.executeQuery("select table_name, table_type"
                        + " from information_schema.tables where table_schema = database()")) {
                    while (names.next()) {
                        drops.add((names.getString(2).equals("VIEW") ? "drop view `" : "drop table `")
                                + names.getString(1) + "`");
                    }
                }
                statement.execute("set foreign_key_checks = 0");
                try {
                    for (String drop : drops) {
                        statement.execute(drop);
                    }
                } finally {
                    statement.execute("set foreign_key_checks = 1");
                }
            }
            return null;
        });
    }
}
