package dev.vigil.platform.feed;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller's {@link FeedSelection} argument: the selection the request's query parameters make from the
 * filters of the feed whose rows are {@link #value()}. A wrong parameter is a 400 naming it, before the controller
 * runs; the OpenAPI description lists the feed's filters.
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface FeedOf {

    /** The type of the feed's rows. */
    Class<?> value();
}
