package locker.testsupport.testdata;

import locker.testdata.LoadTestSchema;
import redis.clients.jedis.Jedis;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Full contents, for comparing states: every row of every table of {@code public}, and Redis's keys. */
public final class DatabaseRows {
    private DatabaseRows() {}

    /** Table name → its rows, each as the row's text form, sorted. */
    public static Map<String, List<String>> dump(Connection c) throws SQLException {
        Map<String, List<String>> tables = new TreeMap<>();
        for (String table : publicTables(c)) {
            List<String> rows = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet result = s.executeQuery("SELECT t::text FROM public." + table + " t ORDER BY 1")) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
            tables.put(table, rows);
        }
        return tables;
    }

    /** Key → value of every string key in Redis. */
    public static Map<String, String> redisKeys(Jedis redis) {
        Map<String, String> keys = new TreeMap<>();
        for (String key : redis.keys("*")) {
            keys.put(key, redis.get(key));
        }
        return keys;
    }

    /** The single number a query answers. */
    public static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet row = s.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** "absent" without a loadtest schema, else its runs, one per line. */
    public static String loadTestLedger(Connection c) throws SQLException {
        if (!LoadTestSchema.exists(c)) {
            return "absent";
        }
        StringBuilder runs = new StringBuilder();
        try (Statement s = c.createStatement();
             ResultSet result = s.executeQuery("SELECT r::text FROM loadtest.runs r ORDER BY run_id")) {
            while (result.next()) {
                runs.append(result.getString(1)).append('\n');
            }
        }
        return runs.toString();
    }

    private static List<String> publicTables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet result = s.executeQuery("SELECT table_name FROM information_schema.tables"
                     + " WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1")) {
            while (result.next()) {
                tables.add(result.getString(1));
            }
        }
        return tables;
    }
}
