package dev.vigil.platform.testing;

import java.net.URI;
import java.util.List;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * A Redis key prefix owned by one test context, deleted when the context closes.
 */
record TestKeyspace(URI redisUrl, String prefix) {

    void delete() {
        try (Jedis jedis = new Jedis(redisUrl)) {
            ScanParams match = new ScanParams().match(prefix + "*").count(500);
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page = jedis.scan(cursor, match);
                List<String> keys = page.getResult();
                if (!keys.isEmpty()) {
                    jedis.unlink(keys.toArray(String[]::new));
                }
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        } catch (RuntimeException e) {
            // Redis may be down on purpose in a test; its keys then expire with their TTLs.
        }
    }
}
