/**
 * identity: users and their profiles. Publishes (in {@code api}) the user commands and events; owns the
 * {@code identity} schema (email claims, {@code user_profile_view}). Depends only on the platform.
 */
package dev.vigil.identity;
