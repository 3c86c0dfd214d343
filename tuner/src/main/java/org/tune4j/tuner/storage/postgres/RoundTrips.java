package org.tune4j.tuner.storage.postgres;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts a connection's round trips to the server, for the scale figures of issue 15: each
 * statement executed (the PostgreSQL driver sends one statement and waits for its answer), each
 * commit and each rollback. Beginning a transaction costs none (the driver sends its BEGIN with the
 * first statement). The count is of calls made through the wrapped connection, not read from the
 * server (pg_stat_statements need not be installed).
 */
final class RoundTrips {
    private static final Set<String> EXECUTES = Set.of("execute", "executeQuery", "executeUpdate", "executeBatch",
            "executeLargeUpdate", "executeLargeBatch");
    private static final Set<String> ENDS = Set.of("commit", "rollback");

    private final AtomicLong count = new AtomicLong();

    /** The round trips counted so far, on every connection this counter wrapped. */
    long count() {
        return count.get();
    }

    /** A connection that counts its round trips here and otherwise is {@code c}. */
    Connection wrap(Connection c) {
        return (Connection) Proxy.newProxyInstance(RoundTrips.class.getClassLoader(), new Class<?>[] {Connection.class},
                new Counting(c, true));
    }

    private final class Counting implements InvocationHandler {
        private final Object target;
        private final boolean connection;

        Counting(Object target, boolean connection) {
            this.target = target;
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (connection ? ENDS.contains(name) : EXECUTES.contains(name)) {
                count.incrementAndGet();
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (connection && result instanceof Statement s && method.getReturnType().isInterface()) {
                return Proxy.newProxyInstance(RoundTrips.class.getClassLoader(),
                        new Class<?>[] {method.getReturnType()}, new Counting(s, false));
            }
            return result;
        }
    }
}
