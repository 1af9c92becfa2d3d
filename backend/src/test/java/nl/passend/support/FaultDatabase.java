package nl.passend.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A database of a fault test's own on the shared MySQL-protocol server (127.0.0.1:3306, as the {@code mysql}
 * profile's tests use it), emptied before the test, and a JDBC template to read what the instances left in it.
 */
public final class FaultDatabase {

    private static final String SERVER = System.getProperty("passend.fault.server", "jdbc:mysql://127.0.0.1:3306/");

    private FaultDatabase() {
    }

    /** Drops the database if a previous run left it, and returns the URL the instances use. */
    public static String fresh(String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER, "root", "");
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name);
        }
        return url(SERVER, name);
    }

    public static String url(String server, String name) {
        return server + name + "?createDatabaseIfNotExist=true&connectionTimeZone=UTC";
    }

    /** Reads the database at this URL (one connection, for checks after the fact). */
    public static JdbcTemplate read(String jdbcUrl) {
        return new JdbcTemplate(new SingleConnectionDataSource(jdbcUrl, "root", "", true));
    }

    /** The ids in the list that the table does not hold. */
    public static List<Long> missing(JdbcTemplate jdbc, String table, List<Long> ids) {
        return ids.stream().filter(id -> jdbc.queryForObject("select count(*) from " + table + " where id = ?",
                Long.class, id) == 0).toList();
    }
}
