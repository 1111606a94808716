/**
 * Web conventions shared by every module: RFC 9457 problem+json errors that name the offending field.
 */
@NonNullApi
package dev.vigil.platform.web;

import org.springframework.lang.NonNullApi;
