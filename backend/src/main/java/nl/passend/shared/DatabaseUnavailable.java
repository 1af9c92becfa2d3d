package nl.passend.shared;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import org.hibernate.TransactionException;
import org.hibernate.exception.JDBCConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means the database cannot be reached (stopped, restarting, the network away), as opposed to a
 * failure of the request. Such a request is answered 503 with a {@code Retry-After}, quickly: the pool waits at most
 * {@code spring.datasource.hikari.connection-timeout} for a connection, so request threads do not pile up.
 */
public final class DatabaseUnavailable {

    /** How long a client should wait before it tries again, in seconds. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseUnavailable() {
    }

    public static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // SQL state class 08 is a connection exception in the SQL standard.
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            // A rollback on a connection the pool has already closed after such a failure hides the first one.
            if (cause instanceof TransactionException && cause.getCause() instanceof SQLException) {
                return true;
            }
            // The pool found no connection in time; the driver lost one (Connector/J's CommunicationsException is an
            // SQLRecoverableException); Hibernate or Spring said the same in their words.
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLRecoverableException
                    || cause instanceof JDBCConnectionException || cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
