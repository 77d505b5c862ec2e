package io.earpiece.console.testing;

import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Test-only stand-in for a database that goes away: while {@link #down()} every new connection is refused as a
 * stopped server's would be, so transactions cannot begin and health checks fail; {@link #up()} brings it back with
 * its data. Production has no such switch.
 */
public final class OutageDataSource extends DelegatingDataSource {

    private volatile boolean down;

    public OutageDataSource(DataSource target) {
        super(target);
    }

    public void down() {
        down = true;
    }

    public void up() {
        down = false;
    }

    @Override
    public Connection getConnection() throws SQLException {
        refuseWhileDown();
        return super.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        refuseWhileDown();
        return super.getConnection(username, password);
    }

    private void refuseWhileDown() throws SQLException {
        if (down) {
            throw new SQLTransientConnectionException("Connection refused (test outage)", "08001");
        }
    }
}
