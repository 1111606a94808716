/**
 * identity's read model: {@code identity.user_profile_view}, one row per user, built by the
 * {@code identity-user-profile} processing group.
 */
package dev.vigil.identity.readmodel;
