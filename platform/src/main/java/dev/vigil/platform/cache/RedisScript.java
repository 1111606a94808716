package dev.vigil.platform.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * A Lua script run by its SHA-1 (one short round trip), sent in full only when the server does not know it
 * yet: after a restart, a failover or {@code SCRIPT FLUSH}.
 */
final class RedisScript {

    private final String source;
    private final String sha1;
    private final byte[] sourceBytes;
    private final byte[] sha1Bytes;

    RedisScript(String source) {
        this.source = source;
        this.sha1 = sha1Of(source);
        this.sourceBytes = source.getBytes(StandardCharsets.UTF_8);
        this.sha1Bytes = sha1.getBytes(StandardCharsets.US_ASCII);
    }

    Object run(UnifiedJedis jedis, List<String> keys, List<String> args) {
        try {
            return jedis.evalsha(sha1, keys, args);
        } catch (JedisNoScriptException unknown) {
            return jedis.eval(source, keys, args);
        }
    }

    /** {@link #run(UnifiedJedis, List, List)} with binary keys and arguments, such as a stored value's bytes. */
    Object runBinary(UnifiedJedis jedis, List<byte[]> keys, List<byte[]> args) {
        try {
            return jedis.evalsha(sha1Bytes, keys, args);
        } catch (JedisNoScriptException unknown) {
            return jedis.eval(sourceBytes, keys, args);
        }
    }

    private static String sha1Of(String source) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-1", e);
        }
    }
}
