/**
 * What a value must be before Vigil stores it: the text policy ({@link dev.vigil.platform.input.TextPolicy}) and
 * the instant policy ({@link dev.vigil.platform.input.InstantPolicy}), as static checks for aggregates and as Bean
 * Validation constraints ({@link dev.vigil.platform.input.SafeText}, {@link dev.vigil.platform.input.StorableInstant})
 * for request records. Plain Java and Jakarta Validation only, so domain packages may use it.
 */
package dev.vigil.platform.input;
