package dev.vigil.platform.paging;

import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxOffset the largest {@code offset} a request may ask for. Each offset page reads and discards every
 *        row before it, so deep pages cost more the deeper they go; beyond this, clients follow cursors
 */
@Validated
@ConfigurationProperties("vigil.paging")
public record PagingProperties(@DefaultValue("10000") @PositiveOrZero int maxOffset) {
}
