package dev.vigil.platform.redis;

import java.net.URI;

/**
 * Redis URLs as they may appear in logs and health details: without credentials.
 */
public final class RedisUrls {

    private RedisUrls() {
    }

    public static String redacted(URI url) {
        String path = url.getPath() == null || url.getPath().isEmpty() ? "/0" : url.getPath();
        return url.getScheme() + "://" + url.getHost() + ":" + (url.getPort() == -1 ? 6379 : url.getPort()) + path;
    }
}
