package com.example.smsconsole.audit;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that passes everything through and records each prepared statement's SQL and the
 * parameters set on it, so a test can look at (or EXPLAIN) exactly what the code under test sent.
 */
final class RecordingDataSource implements DataSource {

    /** One prepared statement: its SQL and its parameter setter calls, in order. */
    record Statement(String sql, List<Object[]> setters) {

        /** Sets the same parameters on another statement. */
        void bind(PreparedStatement target) throws SQLException {
            for (Object[] call : setters) {
                Method m = (Method) call[0];
                try {
                    m.invoke(target, (Object[]) call[1]);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                } catch (InvocationTargetException e) {
                    if (e.getCause() instanceof SQLException sql) {
                        throw sql;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        }
    }

    private final DataSource target;
    private final List<Statement> statements = new CopyOnWriteArrayList<>();

    RecordingDataSource(DataSource target) {
        this.target = target;
    }

    List<Statement> statements() {
        return statements;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(target.getConnection(username, password));
    }

    private Connection wrap(Connection connection) {
        InvocationHandler handler = (proxy, method, args) -> {
            Object result = call(connection, method, args);
            if (method.getName().equals("prepareStatement") && result instanceof PreparedStatement ps) {
                var recorded = new Statement((String) args[0], new ArrayList<>());
                statements.add(recorded);
                return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {PreparedStatement.class}, (p, m, a) -> {
                    if (m.getName().startsWith("set") && a != null && a.length >= 2 && a[0] instanceof Integer) {
                        recorded.setters().add(new Object[] {m, a.clone()});
                    }
                    return call(ps, m, a);
                });
            }
            return result;
        };
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return target.isWrapperFor(iface);
    }
}
